/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The encodings Windows editors write a zone file in: a UTF-8 byte-order mark (Notepad) is
 * skipped, UTF-16 with one (PowerShell's ">", Notepad's "Unicode") is converted, and UTF-16
 * without one or UTF-32 is refused in one line instead of a "NUL byte" per line. */
#include "config.h"

#include "zone-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <lcsdns/zone/zone.h>

/* A UTF-16 file is converted in memory: a zone this large is not a Windows export. */
#define MAX_UTF16_BYTES ((gsize) 256 * 1024 * 1024)

#define HOW_TO_CONVERT "save it as UTF-8 or ANSI (Notepad: Save As, Encoding), or write it with " \
                       "Out-File -Encoding ascii"

typedef enum {
  TEXT_PLAIN,
  TEXT_UTF8_BOM,
  TEXT_UTF16LE,
  TEXT_UTF16BE,
  TEXT_UTF16LE_NO_BOM,
  TEXT_UTF16BE_NO_BOM,
  TEXT_UTF32,
} TextKind;

static TextKind
sniff (const guint8 *head,
       gsize         n)
{
  if (n >= 4 && ((head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0) ||
                 (head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)))
    return TEXT_UTF32;
  if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    return TEXT_UTF8_BOM;
  if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE)
    return TEXT_UTF16LE;
  if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF)
    return TEXT_UTF16BE;
  /* ASCII text in UTF-16: every other byte is NUL, which no zone file holds. */
  if (n >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
    return TEXT_UTF16LE_NO_BOM;
  if (n >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
    return TEXT_UTF16BE_NO_BOM;
  return TEXT_PLAIN;
}

static gboolean
refuse (char      **refusal,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (char      **refusal,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  *refusal = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

/* Reads @file to its end after @head (the bytes already read, without the byte-order mark) and
 * converts it to UTF-8 for the lexer. */
static gboolean
convert_utf16 (FILE          *file,
               const guint8  *head,
               gsize          head_length,
               const char    *charset,
               LcsZoneLexer  *lexer,
               gsize         *budget,
               char         **refusal)
{
  GByteArray *raw = g_byte_array_new ();
  guint8 chunk[64 * 1024];
  gsize n, converted_length = 0;
  g_autoptr(GError) local = NULL;
  char *text;

  g_byte_array_append (raw, head, (guint) head_length);
  while ((n = fread (chunk, 1, sizeof chunk, file)) > 0 && raw->len <= MAX_UTF16_BYTES)
    g_byte_array_append (raw, chunk, (guint) n);
  if (raw->len > MAX_UTF16_BYTES || (budget != NULL && raw->len > *budget))
    {
      g_byte_array_unref (raw);
      return refuse (refusal, "the file is %s and too large to convert here: %s", charset,
                     HOW_TO_CONVERT);
    }
  if (budget != NULL)
    *budget -= raw->len;
  /* An empty array has no data at all: a byte-order mark alone is an empty file. */
  text = g_convert (raw->len > 0 ? (const char *) raw->data : "", raw->len, "UTF-8", charset,
                    NULL, &converted_length, &local);
  g_byte_array_unref (raw);
  if (text == NULL)
    return refuse (refusal, "the file starts as %s but is not valid %s (%s): %s", charset,
                   charset, local->message, HOW_TO_CONVERT);
  lcs_zone_lexer_init_text (lexer, text, converted_length);
  lexer->budget = budget;
  return TRUE;
}

/* The size of a regular file at @path; 0 for a pipe or when it cannot be told. */
static goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return 0;
  return (goffset) st.st_size;
}

gboolean
lcs_zone_open_text (const char    *path,
                    LcsZoneLexer  *lexer,
                    gsize         *budget,
                    char         **refusal,
                    GError       **error)
{
  FILE *file = g_fopen (path, "rb");
  guint8 head[4];
  gsize n;
  TextKind kind;
  gboolean ok;

  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE, "cannot open %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* The first bytes are handed on rather than read again: the file may be a pipe. */
  n = fread (head, 1, sizeof head, file);
  kind = sniff (head, n);
  switch (kind)
    {
    case TEXT_UTF32:
      ok = refuse (refusal, "the file is UTF-32, not a zone file's text: %s", HOW_TO_CONVERT);
      break;
    case TEXT_UTF16LE_NO_BOM:
    case TEXT_UTF16BE_NO_BOM:
      ok = refuse (refusal, "the file is UTF-16 (%s-endian) without a byte-order mark: %s",
                   kind == TEXT_UTF16LE_NO_BOM ? "little" : "big", HOW_TO_CONVERT);
      break;
    case TEXT_UTF16LE:
    case TEXT_UTF16BE:
      ok = convert_utf16 (file, head + 2, n - 2, kind == TEXT_UTF16LE ? "UTF-16LE" : "UTF-16BE",
                          lexer, budget, refusal);
      break;
    case TEXT_UTF8_BOM:
    case TEXT_PLAIN:
    default:
      lcs_zone_lexer_init (lexer, g_steal_pointer (&file), file_size (path));
      lexer->budget = budget;
      lcs_zone_lexer_prime (lexer, head + (kind == TEXT_UTF8_BOM ? 3 : 0),
                            n - (kind == TEXT_UTF8_BOM ? 3 : 0));
      return TRUE;
    }
  fclose (file);
  return ok;
}

gboolean
lcs_zone_read_head (const char  *path,
                    gsize        max,
                    char       **text,
                    gsize       *length,
                    GError     **error)
{
  FILE *file = g_fopen (path, "rb");
  g_autofree guint8 *head = NULL;
  gsize n, skip = 0;
  gboolean whole;
  char *out = NULL;
  char *cut;

  *text = NULL;
  *length = 0;
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE, "cannot open %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* One more byte: the text's NUL. */
  head = g_malloc (max + 1);
  n = fread (head, 1, max, file);
  if (ferror (file))
    {
      int saved_errno = errno;

      fclose (file);
      g_set_error (error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE, "cannot read %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  whole = feof (file);
  fclose (file);
  switch (sniff (head, n))
    {
    case TEXT_UTF16LE:
    case TEXT_UTF16BE:
      {
        gboolean le = head[0] == 0xFF;
        /* Whole code units only, and not the first half of a surrogate pair the head cut. */
        gsize units = (n - 2) / 2;
        guint8 high = units > 0 ? head[2 + 2 * (units - 1) + (le ? 1 : 0)] : 0;

        if (!whole && units > 0 && high >= 0xD8 && high <= 0xDB)
          units--;
        out = g_convert ((const char *) head + 2, units * 2, "UTF-8", le ? "UTF-16LE" : "UTF-16BE",
                         NULL, length, NULL);
        break;
      }
    case TEXT_UTF8_BOM:
      skip = 3;
      G_GNUC_FALLTHROUGH;
    case TEXT_PLAIN:
      *length = n - skip;
      out = g_memdup2 (head + skip, *length + 1);
      out[*length] = '\0';
      break;
    case TEXT_UTF32:
    case TEXT_UTF16LE_NO_BOM:
    case TEXT_UTF16BE_NO_BOM:
    default:
      /* The reader refuses these with a finding; the head has nothing to say. */
      return TRUE;
    }
  if (out == NULL)
    {
      *length = 0;
      return TRUE;
    }
  /* The head ends at a line's end: a cut line could read as another name. */
  if (!whole)
    {
      cut = g_strrstr_len (out, (gssize) *length, "\n");
      *length = cut != NULL ? (gsize) (cut - out) + 1 : 0;
      out[*length] = '\0';
    }
  *text = out;
  return TRUE;
}
