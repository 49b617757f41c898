/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The zone name proposed on import (lcs_zone_peek_origin): $ORIGIN, an absolute SOA owner,
 * Windows' export header, the file name; each with the near miss that must not count, on the
 * encodings Windows writes, and on a file whose name is not the zone's ("contoso-50k.dns"). */
#include <string.h>
#include <glib/gstdio.h>

#include "zone-test-util.h"

/* A Windows export as DNS Manager writes it, header and all, records after "@". */
#define WINDOWS_HEADER \
  ";\r\n;  Database file contoso.com.dns for contoso.com zone.\r\n;      Zone version:  2417\r\n;\r\n\r\n"
#define WINDOWS_RECORDS \
  "@                       IN  SOA dc01.contoso.com.  hostmaster.contoso.com. (\r\n" \
  "                        2417         ; serial number\r\n" \
  "                        900          ; refresh\r\n" \
  "                        600          ; retry\r\n" \
  "                        86400        ; expire\r\n" \
  "                        3600       ) ; default TTL\r\n" \
  "@                       NS\tdc01.contoso.com.\r\n" \
  "sip                     [AGE:3636591]\t600\tA\t10.0.0.20\r\n"

typedef struct {
  char                *origin;
  LcsZoneOriginSource  source;
} Peek;

/* Writes @text as @name and peeks at it. */
static Peek
peek (const char *name,
      const char *text,
      gssize      length)
{
  g_autofree char *path = write_temp (name, text, length);
  g_autoptr(GError) error = NULL;
  Peek result = { NULL, 0 };

  g_assert_true (lcs_zone_peek_origin (path, &result.origin, &result.source, &error));
  g_assert_no_error (error);
  remove_temp (path);
  return result;
}

static void
assert_peek (const char          *name,
             const char          *text,
             gssize               length,
             const char          *origin,
             LcsZoneOriginSource  source)
{
  Peek result = peek (name, text, length);

  g_assert_cmpstr (result.origin, ==, origin);
  g_assert_cmpint (result.source, ==, source);
  g_free (result.origin);
}

/* The issue's file: a renamed export keeps its zone in the header; without the header it is
 * read as its file name says, and a file named otherwise has no name at all. */
static void
test_windows_export (void)
{
  assert_peek ("contoso-50k.dns", WINDOWS_HEADER WINDOWS_RECORDS, -1, "contoso.com.", LCS_ZONE_ORIGIN_FROM_HEADER);
  assert_peek ("contoso-50k.dns", WINDOWS_RECORDS, -1, "contoso-50k.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);
  assert_peek ("Contoso.COM.dns", WINDOWS_RECORDS, -1, "contoso.com.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);
  assert_peek ("contoso-50k.txt", WINDOWS_RECORDS, -1, NULL, LCS_ZONE_ORIGIN_FROM_NONE);
  /* The header counts only at the top: a comment further down is just a comment. */
  assert_peek ("contoso-50k.dns", WINDOWS_RECORDS WINDOWS_HEADER, -1, "contoso-50k.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);
  assert_peek ("contoso-50k.dns", "; Database file for contoso.com\r\n" WINDOWS_RECORDS, -1, "contoso-50k.",
               LCS_ZONE_ORIGIN_FROM_FILE_NAME);
}

/* $ORIGIN before the first record fixes the zone (it wins over the header and the file name);
 * one after it does not name the zone, as the reader does not take it either. */
static void
test_origin_directive (void)
{
  assert_peek ("contoso-50k.dns", WINDOWS_HEADER "$ORIGIN Fabrikam.com.\r\n$TTL 3600\r\n" WINDOWS_RECORDS, -1,
               "fabrikam.com.", LCS_ZONE_ORIGIN_FROM_DIRECTIVE);
  /* Relative to the origin before it. */
  assert_peek ("x.zone", "$ORIGIN com.\n$ORIGIN contoso\n@ 3600 IN NS ns1\n", -1, "contoso.com.",
               LCS_ZONE_ORIGIN_FROM_DIRECTIVE);
  assert_peek ("contoso-50k.dns", WINDOWS_RECORDS "$ORIGIN fabrikam.com.\r\nwww A 192.0.2.1\r\n", -1,
               "contoso-50k.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);
  /* A relative $ORIGIN with nothing before it names nothing. */
  assert_peek ("contoso-50k.dns", "$ORIGIN contoso\n" WINDOWS_RECORDS, -1, "contoso-50k.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);
}

/* BIND writes the SOA owner absolute; "@", a relative owner or another first record say nothing. */
static void
test_soa_owner (void)
{
  assert_peek ("contoso-50k.dns", "$TTL 3600\nContoso.com. IN SOA ns1.contoso.com. h.contoso.com. 1 2 3 4 5\n", -1,
               "contoso.com.", LCS_ZONE_ORIGIN_FROM_SOA);
  assert_peek ("db.contoso", "contoso.com. 3600 IN SOA ns1.contoso.com. h.contoso.com. 1 2 3 4 5\n", -1,
               "contoso.com.", LCS_ZONE_ORIGIN_FROM_SOA);
  assert_peek ("db.contoso", "contoso 3600 IN SOA ns1.contoso.com. h.contoso.com. 1 2 3 4 5\n", -1, NULL,
               LCS_ZONE_ORIGIN_FROM_NONE);
  assert_peek ("db.contoso", "www.contoso.com. 3600 IN A 192.0.2.1\n"
               "contoso.com. 3600 IN SOA ns1.contoso.com. h.contoso.com. 1 2 3 4 5\n", -1, NULL,
               LCS_ZONE_ORIGIN_FROM_NONE);
  /* "SOA" as a name, not as the type. */
  assert_peek ("db.contoso", "soa.contoso.com. 3600 IN A 192.0.2.1\n", -1, NULL, LCS_ZONE_ORIGIN_FROM_NONE);
}

static char *
with_bom (const char *charset,
          const char *text,
          gsize      *length)
{
  gboolean little = strcmp (charset, "UTF-16LE") == 0;
  gsize body_length = 0;
  g_autofree char *body = g_convert (text, -1, charset, "UTF-8", NULL, &body_length, NULL);
  char *out = g_malloc (body_length + 2);

  out[0] = little ? '\xFF' : '\xFE';
  out[1] = little ? '\xFE' : '\xFF';
  memcpy (out + 2, body, body_length);
  *length = body_length + 2;
  return out;
}

/* What PowerShell's ">" and Notepad write: UTF-16 and UTF-8 with a byte-order mark. */
static void
test_encodings (void)
{
  gsize length;
  g_autofree char *le = with_bom ("UTF-16LE", WINDOWS_HEADER WINDOWS_RECORDS, &length);
  g_autofree char *be = NULL;
  g_autofree char *plain = NULL;

  assert_peek ("contoso-50k.dns", le, (gssize) length, "contoso.com.", LCS_ZONE_ORIGIN_FROM_HEADER);
  be = with_bom ("UTF-16BE", "$ORIGIN contoso.com.\n" WINDOWS_RECORDS, &length);
  assert_peek ("contoso-50k.dns", be, (gssize) length, "contoso.com.", LCS_ZONE_ORIGIN_FROM_DIRECTIVE);
  assert_peek ("contoso-50k.dns", "\xEF\xBB\xBF" "$ORIGIN contoso.com.\n" WINDOWS_RECORDS, -1, "contoso.com.",
               LCS_ZONE_ORIGIN_FROM_DIRECTIVE);
  /* UTF-16 without a byte-order mark cannot be read: only the file name is left. */
  plain = g_convert ("$ORIGIN contoso.com.\n" WINDOWS_RECORDS, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  assert_peek ("contoso-50k.dns", plain, (gssize) length, "contoso-50k.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);
}

/* Only the head is read: a name past it is not seen, and a line the head cuts is not taken as
 * a shorter one. */
static void
test_head_only (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) utf16 = g_string_new (NULL);
  g_autofree char *converted = NULL;
  gsize length;

  while (text->len < 64 * 1024)
    g_string_append (text, "; a long comment block before anything else\n");
  g_string_append (text, "$ORIGIN contoso.com.\n" WINDOWS_RECORDS);
  assert_peek ("contoso-50k.dns", text->str, -1, "contoso-50k.", LCS_ZONE_ORIGIN_FROM_FILE_NAME);

  /* $ORIGIN first, then many records: found, whatever the size. */
  g_string_assign (text, "$ORIGIN contoso.com.\n" WINDOWS_RECORDS);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "h%u [AGE:3636591] 600 A 10.0.%u.%u\n", i, i / 250, i % 250);
  assert_peek ("contoso-50k.dns", text->str, -1, "contoso.com.", LCS_ZONE_ORIGIN_FROM_DIRECTIVE);

  /* UTF-16 cut inside a surrogate pair, and inside the SOA's parentheses. */
  converted = with_bom ("UTF-16LE", "$ORIGIN contoso.com.\n" WINDOWS_RECORDS, &length);
  g_string_append_len (utf16, converted, (gssize) length);
  /* An even count of units before the pairs: the head's 8191st unit is a pair's first half. */
  if ((utf16->len - 2) / 2 % 2 == 1)
    g_string_append_len (utf16, "\n\0", 2);
  while (utf16->len < 40 * 1024)
    g_string_append_len (utf16, "\x3D\xD8\x00\xDE", 4);
  assert_peek ("contoso-50k.dns", utf16->str, (gssize) utf16->len, "contoso.com.", LCS_ZONE_ORIGIN_FROM_DIRECTIVE);
}

static void
test_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lcs-peek-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "contoso.com.dns", NULL);
  g_autoptr(GError) error = NULL;
  char *origin = (char *) "untouched";
  LcsZoneOriginSource source;

  g_assert_false (lcs_zone_peek_origin (path, &origin, &source, &error));
  g_assert_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (origin);
  g_clear_error (&error);
  /* A folder is not a zone file either. */
  g_assert_false (lcs_zone_peek_origin (dir, &origin, &source, &error));
  g_assert_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone-peek/windows-export", test_windows_export);
  g_test_add_func ("/zone-peek/origin-directive", test_origin_directive);
  g_test_add_func ("/zone-peek/soa-owner", test_soa_owner);
  g_test_add_func ("/zone-peek/encodings", test_encodings);
  g_test_add_func ("/zone-peek/head-only", test_head_only);
  g_test_add_func ("/zone-peek/unreadable", test_unreadable);
  return g_test_run ();
}
