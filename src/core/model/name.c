/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DNS names: validation, normalisation, origin arithmetic, did-you-mean distance. */
#include "config.h"

#include <lcsdns/model/name.h>

#include <gio/gio.h>
#include <string.h>

G_DEFINE_QUARK (lcs-name-error-quark, lcs_name_error)

static gboolean
is_ldh (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

static gboolean
validate_label (const char   *label,
                gsize         len,
                LcsNameKind   kind,
                const char   *name,
                GError      **error)
{
  gsize i;

  if (len == 0)
    {
      g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_LABEL_EMPTY,
                   "“%s” has an empty label (two dots in a row, or a leading dot)", name);
      return FALSE;
    }
  if (len > LCS_NAME_MAX_LABEL)
    {
      g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_LABEL_LONG,
                   "“%s” has a label of %" G_GSIZE_FORMAT " characters; the limit is 63",
                   name, len);
      return FALSE;
    }
  for (i = 0; i < len; i++)
    {
      char c = label[i];
      gboolean ok = is_ldh (c) || (kind == LCS_NAME_OWNER && c == '_');

      if (!ok)
        {
          if (c == ' ' || c == '\t')
            g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_CHARACTER,
                         "“%s” contains a space", name);
          else if (c == '_')
            g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_CHARACTER,
                         "“%s” contains an underscore, which a host name may not", name);
          else if (g_ascii_isprint (c))
            g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_CHARACTER,
                         "“%s” contains “%c”, which a DNS name may not", name, c);
          else
            g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_CHARACTER,
                         "the name contains a control or non-ASCII character (0x%02x)",
                         (guint) (guchar) c);
          return FALSE;
        }
    }
  if (kind == LCS_NAME_HOST && (label[0] == '-' || label[len - 1] == '-'))
    {
      g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_CHARACTER,
                   "“%s” has a label that starts or ends with a hyphen", name);
      return FALSE;
    }
  return TRUE;
}

gboolean
lcs_name_validate (const char   *name,
                   LcsNameKind   kind,
                   GError      **error)
{
  const char *p;
  gsize len;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, LCS_NAME_ERROR, LCS_NAME_ERROR_EMPTY, "the name is empty");
      return FALSE;
    }
  if (strcmp (name, ".") == 0)
    return TRUE;

  len = strlen (name);
  if (name[len - 1] == '.')
    len--;
  if (len > LCS_NAME_MAX_NAME)
    {
      g_set_error (error, LCS_NAME_ERROR, LCS_NAME_ERROR_NAME_LONG,
                   "the name is %" G_GSIZE_FORMAT " characters long; the limit is 253", len);
      return FALSE;
    }

  p = name;
  while (p < name + len)
    {
      const char *dot = memchr (p, '.', (name + len) - p);
      const char *end = dot ? dot : name + len;

      if (!validate_label (p, end - p, kind, name, error))
        return FALSE;
      p = end + 1;
      if (dot && p == name + len)
        return validate_label (p, 0, kind, name, error);
    }
  return TRUE;
}

/* The length of @name without its one final dot: the root (NULL, "" or ".") is 0. Every name
 * compares as these characters, lower-cased, plus one dot, which is what lcs_name_normalize()
 * returns; the comparisons below work on it in place, as they run for every record of a zone. */
static gsize
stem_length (const char *name)
{
  gsize len = name != NULL ? strlen (name) : 0;

  return len > 0 && name[len - 1] == '.' ? len - 1 : len;
}

/* g_ascii_tolower() and g_ascii_strncasecmp() are calls into GLib for every character. */
static inline char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Eight bytes lower-cased at once: every name a zone check asks about is copied or compared
 * this way. The upper-case letters are found without a branch (each byte's top bit marks
 * "A-Z"), then have 0x20 added. */
static inline guint64
lower_word (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 tops = ones * 0x80;
  guint64 seven = word & ~tops;
  guint64 at_least_a = seven + ones * (0x80 - 'A');
  guint64 above_z = seven + ones * (0x7f - 'Z');

  return word | (((at_least_a ^ above_z) & ~word & tops) >> 2);
}

/* Copies @length bytes of @name lower-cased into @out. */
static void
copy_lower (char       *out,
            const char *name,
            gsize       length)
{
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, name + i, 8);
      word = lower_word (word);
      memcpy (out + i, &word, 8);
    }
  for (; i < length; i++)
    out[i] = lower (name[i]);
}

static gboolean
same_letters (const char *a,
              const char *b,
              gsize       length)
{
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 x, y;

      memcpy (&x, a + i, 8);
      memcpy (&y, b + i, 8);
      if (x != y && lower_word (x) != lower_word (y))
        return FALSE;
    }
  for (; i < length; i++)
    if (a[i] != b[i] && lower (a[i]) != lower (b[i]))
      return FALSE;
  return TRUE;
}

char *
lcs_name_normalize (const char *name)
{
  gsize len = stem_length (name);
  char *norm = g_malloc (len + 2);

  copy_lower (norm, name, len);
  norm[len] = '.';
  norm[len + 1] = '\0';
  return norm;
}

char *
lcs_name_normalize_into (const char  *name,
                         char        *buf,
                         gsize        size,
                         char       **heap,
                         gsize       *length)
{
  gsize len = stem_length (name);
  char *norm = buf;

  *heap = NULL;
  if (len + 2 > size)
    norm = *heap = g_malloc (len + 2);
  copy_lower (norm, name, len);
  norm[len] = '.';
  norm[len + 1] = '\0';
  if (length != NULL)
    *length = len + 1;
  return norm;
}

char *
lcs_name_bare (const char *name)
{
  char *bare = g_ascii_strdown (name ? name : "", -1);
  gsize len = strlen (bare);

  if (len > 1 && bare[len - 1] == '.')
    bare[len - 1] = '\0';
  return bare;
}

gboolean
lcs_name_is_absolute (const char *name)
{
  gsize len = name ? strlen (name) : 0;

  return len > 0 && name[len - 1] == '.';
}

char *
lcs_name_absolute (const char *name,
                   const char *origin)
{
  g_autofree char *norm_origin = lcs_name_normalize (origin);

  if (name == NULL || *name == '\0' || strcmp (name, "@") == 0)
    return g_steal_pointer (&norm_origin);
  if (lcs_name_is_absolute (name))
    return lcs_name_normalize (name);
  if (strcmp (norm_origin, ".") == 0)
    return lcs_name_normalize (name);
  {
    g_autofree char *joined = g_strconcat (name, ".", norm_origin, NULL);
    return lcs_name_normalize (joined);
  }
}

char *
lcs_name_relative (const char *name,
                   const char *origin)
{
  g_autofree char *n = lcs_name_normalize (name);
  g_autofree char *o = lcs_name_normalize (origin);
  gsize nl = strlen (n), ol = strlen (o);

  if (strcmp (n, o) == 0)
    return g_strdup ("@");
  if (strcmp (o, ".") == 0)
    return g_strndup (n, nl - 1);
  if (nl <= ol + 1 || strcmp (n + nl - ol, o) != 0 || n[nl - ol - 1] != '.')
    return NULL;
  return g_strndup (n, nl - ol - 1);
}

char **
lcs_name_split (const char *name)
{
  g_autofree char *n = lcs_name_normalize (name);
  gsize len = strlen (n);

  if (strcmp (n, ".") == 0)
    return g_new0 (char *, 1);
  n[len - 1] = '\0';
  return g_strsplit (n, ".", -1);
}

char *
lcs_name_parent (const char *name)
{
  g_autofree char *n = lcs_name_normalize (name);
  const char *dot;

  if (strcmp (n, ".") == 0)
    return NULL;
  dot = strchr (n, '.');
  if (dot[1] == '\0')
    return g_strdup (".");
  return g_strdup (dot + 1);
}

gboolean
lcs_name_ends_in (const char *name,
                  const char *suffix)
{
  gsize nl = stem_length (name), sl = stem_length (suffix);

  if (sl == 0)
    return TRUE;
  if (nl < sl || !same_letters (name + nl - sl, suffix, sl))
    return FALSE;
  return nl == sl || name[nl - sl - 1] == '.';
}

gboolean
lcs_name_parent_is (const char *name,
                    const char *parent)
{
  g_autofree char *p = lcs_name_parent (name);
  g_autofree char *q = lcs_name_normalize (parent);

  return p != NULL && strcmp (p, q) == 0;
}

gboolean
lcs_name_equal (const char *a,
                const char *b)
{
  gsize al = stem_length (a);

  return al == stem_length (b) && same_letters (a, b, al);
}

gboolean
lcs_name_is_address (const char *text)
{
  g_autoptr(GInetAddress) address = NULL;

  if (text == NULL)
    return FALSE;
  address = g_inet_address_new_from_string (text);
  return address != NULL;
}

guint
lcs_name_edit_distance (const char *a,
                        const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);
  gsize i, j;

  for (j = 0; j <= lb; j++)
    row[j] = j;
  for (i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}
