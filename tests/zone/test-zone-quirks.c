/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone reader on the files Windows admins really have (encodings Notepad and PowerShell write,
 * dnscmd's aging tokens, $INCLUDE problems) and on inputs built to exhaust it (an include bomb,
 * an unclosed parenthesis, a line without end): each ends quickly with one clear finding. */
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "zone-test-util.h"

#define WINDOWS_TEXT "$ORIGIN example.com.\r\n$TTL 300\r\nwww A 192.0.2.1\r\nbad A 192.0.2\r\n"

static void
assert_windows_text_read (const Result *r)
{
  const LcsFinding *finding;

  g_assert_true (r->ok);
  assert_record (r, "www.example.com.", LCS_TYPE_A, 300, "192.0.2.1");
  /* The bad line is reported at its own line: the conversion kept the lines apart. */
  g_assert_cmpuint (r->findings->len, ==, 1);
  finding = g_ptr_array_index (r->findings, 0);
  g_assert_cmpstr (finding->rule->id, ==, "zone-syntax");
  g_assert_cmpuint (finding->line, ==, 4);
}

static void
test_utf8_bom (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", WINDOWS_TEXT, NULL);
  Result r;

  read_text (&r, text, -1, NULL);
  assert_windows_text_read (&r);
  result_clear (&r);
}

/* What PowerShell's ">" writes: UTF-16 with a byte-order mark. */
static void
test_utf16 (gconstpointer data)
{
  const char *charset = data;
  gboolean little = strcmp (charset, "UTF-16LE") == 0;
  gsize length = 0;
  g_autofree char *body = g_convert (WINDOWS_TEXT, -1, charset, "UTF-8", NULL, &length, NULL);
  g_autofree char *text = g_malloc (length + 2);
  Result r;

  text[0] = little ? '\xFF' : '\xFE';
  text[1] = little ? '\xFE' : '\xFF';
  memcpy (text + 2, body, length);
  read_text (&r, text, (gssize) length + 2, NULL);
  assert_windows_text_read (&r);
  result_clear (&r);
}

static void
assert_refused (const Result *r,
                const char   *part)
{
  const LcsFinding *finding;

  g_assert_true (r->ok);
  g_assert_cmpuint (r->records->len, ==, 0);
  g_assert_cmpuint (r->findings->len, ==, 1);
  finding = g_ptr_array_index (r->findings, 0);
  g_assert_cmpstr (finding->rule->id, ==, "zone-encoding");
  g_assert_nonnull (strstr (finding->message, part));
  g_assert_nonnull (strstr (finding->message, "UTF-8"));
}

/* Without a byte-order mark the file is refused in one line, not a "NUL byte" per line. */
static void
test_utf16_without_bom (void)
{
  gsize length = 0;
  g_autofree char *text = g_convert (WINDOWS_TEXT, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  Result r;

  read_text (&r, text, (gssize) length, "example.com");
  assert_refused (&r, "UTF-16 (little-endian) without a byte-order mark");
  result_clear (&r);
}

/* A lone surrogate is not UTF-16: refused, naming the encoding. */
static void
test_utf16_invalid (void)
{
  static const char text[] = "\xFF\xFE" "a\0" "\x00\xD8" " \0";
  Result r;

  read_text (&r, text, sizeof text - 1, "example.com");
  assert_refused (&r, "not valid UTF-16LE");
  result_clear (&r);
}

/* Files shorter than the bytes looked at for the encoding: a byte-order mark alone is an empty
 * zone, and a three-byte zone is read. */
static void
test_short_files (void)
{
  Result r;

  read_text (&r, "\xFF\xFE", 2, "example.com");
  g_assert_true (r.ok);
  g_assert_cmpuint (r.records->len, ==, 0);
  g_assert_cmpuint (r.findings->len, ==, 0);
  result_clear (&r);
  read_text (&r, "\xEF\xBB\xBF", 3, "example.com");
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 0);
  result_clear (&r);
  read_text (&r, "@ A", 3, "example.com");
  assert_one_finding (&r, 1, 4, "needs an IPv4 address");
  result_clear (&r);
}

/* dnscmd /ZonePrint and /EnumRecords print "[Aging:n]" where a zone file has "[AGE:n]". */
static void
test_aging_token (void)
{
  Result r;

  read_text (&r, HEAD "www [Aging:3644295] 600 A 192.0.2.1\n"
             "ftp [aging:3644295] A 192.0.2.2\n"
             "bad [Aging:soon] A 192.0.2.3\n", -1, NULL);
  assert_record (&r, "www.example.com.", LCS_TYPE_A, 600, "192.0.2.1");
  assert_record (&r, "ftp.example.com.", LCS_TYPE_A, 300, "192.0.2.2");
  assert_one_finding (&r, 5, 5, "aging token");
  result_clear (&r);
}

/* A problem of a $INCLUDE line is about that line, not about the record read before it. */
static void
test_include_owner (void)
{
  const LcsFinding *finding;
  Result r;

  read_text (&r, HEAD "lcs A 10.0.0.10\n$INCLUDE missing.zone\n", -1, NULL);
  assert_one_finding (&r, 4, 10, "missing.zone");
  finding = g_ptr_array_index (r.findings, 0);
  g_assert_null (finding->name);
  result_clear (&r);
}

static guint
count_containing (const Result *r,
                  const char   *part)
{
  guint count = 0;
  guint i;

  for (i = 0; i < r->findings->len; i++)
    if (strstr (((LcsFinding *) g_ptr_array_index (r->findings, i))->message, part) != NULL)
      count++;
  return count;
}

/* Nine files of about 5 KB, each including the next six times: 6^8 files unbounded. The total
 * of included files stops it, said once, and what was read before stays. */
static void
test_include_bomb (void)
{
  g_autofree char *first = NULL;
  g_autofree char *dir = NULL;
  Result r;
  int level;

  for (level = 8; level >= 0; level--)
    {
      GString *text = g_string_new (level == 0 ? HEAD : "");
      g_autofree char *name = g_strdup_printf ("level%d.zone", level);
      g_autofree char *path = NULL;
      int i;

      for (i = 0; text->len < 5000; i++)
        g_string_append_printf (text, "host%d-%d A 192.0.2.%d\n", level, i, i % 250 + 1);
      for (i = 0; i < 6 && level < 8; i++)
        g_string_append_printf (text, "$INCLUDE level%d.zone\n", level + 1);
      path = dir ? g_build_filename (dir, name, NULL) : write_temp (name, text->str, -1);
      if (dir == NULL)
        dir = g_path_get_dirname (path);
      else
        g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
      if (level == 0)
        first = g_steal_pointer (&path);
      g_string_free (text, TRUE);
    }
  read_path (&r, first, NULL);
  remove_temp (first);
  g_assert_true (r.ok);
  g_assert_cmpuint (count_containing (&r, "$INCLUDE limit reached (1000 files"), ==, 1);
  g_assert_cmpuint (r.findings->len, ==, 1);
  assert_record (&r, "host0-0.example.com.", LCS_TYPE_A, 300, "192.0.2.1");
  assert_record (&r, "host8-0.example.com.", LCS_TYPE_A, 300, "192.0.2.1");
  result_clear (&r);
}

/* Writes @head, then @size bytes that read as NUL bytes without a newline (a sparse file where
 * the system has them), then @tail. */
static char *
write_with_gap (const char *name,
                const char *head,
                gsize       size,
                const char *tail)
{
  char *path = write_temp (name, head, -1);
  FILE *file = g_fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) (strlen (head) + size), SEEK_SET), ==, 0);
  g_assert_cmpint (fputs (tail, file), >=, 0);
  g_assert_cmpint (fclose (file), ==, 0);
  return path;
}

/* Included files hold at most 256 MiB in all: reading stops there, said once. */
static void
test_include_bytes (void)
{
  g_autofree char *big = write_with_gap ("big.zone", "", (gsize) 300 * 1024 * 1024,
                                         "\nlate A 192.0.2.9\n");
  g_autofree char *dir = g_path_get_dirname (big);
  g_autofree char *main_path = g_build_filename (dir, "main.zone", NULL);
  Result r;

  g_assert_true (g_file_set_contents (main_path, HEAD "$INCLUDE big.zone\n$INCLUDE big.zone\n"
                                      "after A 192.0.2.1\n", -1, NULL));
  read_path (&r, main_path, NULL);
  remove_temp (main_path);
  g_assert_true (r.ok);
  g_assert_cmpuint (count_containing (&r, "$INCLUDE limit reached"), ==, 1);
  g_assert_cmpuint (count_containing (&r, "line longer than 65536 bytes"), ==, 1);
  g_assert_cmpuint (r.findings->len, ==, 2);
  g_assert_null (find_record (&r, "late.example.com.", LCS_TYPE_A, 0));
  assert_record (&r, "after.example.com.", LCS_TYPE_A, 300, "192.0.2.1");
  result_clear (&r);
}

/* A line far over the 64 KiB limit, without a newline for 64 MiB: one finding, read in bounded
 * chunks, and the next line is read. */
static void
test_huge_line (void)
{
  g_autofree char *path = write_with_gap ("huge.zone", HEAD, (gsize) 64 * 1024 * 1024,
                                          "\nafter A 192.0.2.9\n");
  Result r;

  read_path (&r, path, NULL);
  remove_temp (path);
  assert_one_finding (&r, 3, 1, "line longer than 65536 bytes");
  assert_record (&r, "after.example.com.", LCS_TYPE_A, 300, "192.0.2.9");
  result_clear (&r);
}

/* An entry whose parenthesis stays open grows only to the entry limit: the finding names the
 * line where it opened, and an entry that does close lets reading go on after it. */
static void
test_long_entry (gconstpointer data)
{
  gboolean closes = GPOINTER_TO_INT (data);
  GString *text = g_string_new (HEAD "before A 192.0.2.1\nbig TXT (\n");
  const LcsFinding *finding;
  Result r;
  guint i;

  for (i = 0; i < 40000; i++)
    g_string_append (text, "  \"0123456789012345678901234567890\"\n");
  if (closes)
    g_string_append (text, ")\nafter A 192.0.2.9\n");
  read_text (&r, text->str, -1, NULL);
  g_string_free (text, TRUE);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 1);
  finding = g_ptr_array_index (r.findings, 0);
  g_assert_cmpuint (finding->line, ==, 4);
  g_assert_cmpuint (finding->column, ==, 9);
  g_assert_nonnull (strstr (finding->message, closes ? "closes at line 40005" : "grows past 1048576 bytes"));
  assert_record (&r, "before.example.com.", LCS_TYPE_A, 300, "192.0.2.1");
  if (closes)
    assert_record (&r, "after.example.com.", LCS_TYPE_A, 300, "192.0.2.9");
  g_assert_null (find_record (&r, "big.example.com.", LCS_TYPE_TXT, 0));
  result_clear (&r);
}

/* Near miss: a long entry under the limit is read whole. */
static void
test_long_entry_within (void)
{
  GString *text = g_string_new (HEAD "big TXT (\n");
  Result r;
  guint i;

  for (i = 0; i < 2000; i++)
    g_string_append (text, "  \"0123456789012345678901234567890\"\n");
  g_string_append (text, ")\n");
  read_text (&r, text->str, -1, NULL);
  g_string_free (text, TRUE);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_nonnull (find_record (&r, "big.example.com.", LCS_TYPE_TXT, 0));
  result_clear (&r);
}

/* Words are scanned sixteen bytes at a time while sixteen remain in the line: an escape, a
 * delimiter or a control byte at every offset of such a block ends or continues the word just
 * as a byte-wise scan does. */
static void
test_long_words (void)
{
  GString *text = g_string_new (HEAD);
  Result r;
  guint pos;

  for (pos = 0; pos <= 20; pos++)
    {
      g_autofree char *xs = g_strnfill (pos, 'x');
      g_autofree char *ys = g_strnfill (20, 'Y');

      g_string_append_printf (text, "%s\\;%s A 192.0.2.1\n", xs, ys);
      g_string_append_printf (text, "w%s(A 192.0.2.2);%s\n", xs, ys);
      g_string_append_printf (text, "v%s\001u%s\tA\t192.0.2.3 ; %s\r\n", xs, ys, ys);
    }
  read_text (&r, text->str, -1, NULL);
  g_string_free (text, TRUE);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_cmpuint (r.records->len, ==, 63);
  for (pos = 0; pos <= 20; pos++)
    {
      g_autofree char *xs = g_strnfill (pos, 'x');
      g_autofree char *ys = g_strnfill (20, 'y');
      g_autofree char *escaped = g_strdup_printf ("%s\\;%s.example.com.", xs, ys);
      g_autofree char *paren = g_strdup_printf ("w%s.example.com.", xs);
      g_autofree char *control = g_strdup_printf ("v%s\\001u%s.example.com.", xs, ys);

      assert_record (&r, escaped, LCS_TYPE_A, 300, "192.0.2.1");
      assert_record (&r, paren, LCS_TYPE_A, 300, "192.0.2.2");
      assert_record (&r, control, LCS_TYPE_A, 300, "192.0.2.3");
    }
  result_clear (&r);
}

/* Names are lowered sixteen bytes at a time: a byte written escaped ("@", non-ASCII) at every
 * offset of such a block, upper case across it, and the 63-octet label limit inside it. */
static void
test_long_names (void)
{
  GString *text = g_string_new (HEAD);
  g_autofree char *label63 = g_strnfill (63, 'P');
  g_autofree char *label64 = g_strnfill (64, 'p');
  g_autofree char *long63 = NULL;
  Result r;
  guint pos;

  for (pos = 0; pos <= 20; pos++)
    {
      g_autofree char *ls = g_strnfill (pos, 'L');
      g_autofree char *ms = g_strnfill (20, 'M');

      g_string_append_printf (text, "%s@%s A 192.0.2.1\n", ls, ms);
      g_string_append_printf (text, "n%s\xc3\xa9%s A 192.0.2.2\n", ls, ms);
    }
  g_string_append_printf (text, "%s.q A 192.0.2.3\n%s.q A 192.0.2.4\n", label63, label64);
  read_text (&r, text->str, -1, NULL);
  g_string_free (text, TRUE);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.records->len, ==, 43);
  assert_one_finding (&r, 46, 1, "label longer than 63 octets");
  for (pos = 0; pos <= 20; pos++)
    {
      g_autofree char *ls = g_strnfill (pos, 'l');
      g_autofree char *ms = g_strnfill (20, 'm');
      g_autofree char *at = g_strdup_printf ("%s\\@%s.example.com.", ls, ms);
      g_autofree char *utf8 = g_strdup_printf ("n%s\\195\\169%s.example.com.", ls, ms);

      assert_record (&r, at, LCS_TYPE_A, 300, "192.0.2.1");
      assert_record (&r, utf8, LCS_TYPE_A, 300, "192.0.2.2");
    }
  memset (label63, 'p', 63);
  long63 = g_strdup_printf ("%s.q.example.com.", label63);
  assert_record (&r, long63, LCS_TYPE_A, 300, "192.0.2.3");
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone-quirks/utf8-bom", test_utf8_bom);
  g_test_add_data_func ("/zone-quirks/utf16le", "UTF-16LE", test_utf16);
  g_test_add_data_func ("/zone-quirks/utf16be", "UTF-16BE", test_utf16);
  g_test_add_func ("/zone-quirks/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/zone-quirks/utf16-invalid", test_utf16_invalid);
  g_test_add_func ("/zone-quirks/short-files", test_short_files);
  g_test_add_func ("/zone-quirks/aging-token", test_aging_token);
  g_test_add_func ("/zone-quirks/include-owner", test_include_owner);
  g_test_add_func ("/zone-quirks/include-bomb", test_include_bomb);
  g_test_add_func ("/zone-quirks/include-bytes", test_include_bytes);
  g_test_add_func ("/zone-quirks/huge-line", test_huge_line);
  g_test_add_data_func ("/zone-quirks/long-entry-open", GINT_TO_POINTER (FALSE), test_long_entry);
  g_test_add_data_func ("/zone-quirks/long-entry-closed", GINT_TO_POINTER (TRUE), test_long_entry);
  g_test_add_func ("/zone-quirks/long-entry-within", test_long_entry_within);
  g_test_add_func ("/zone-quirks/long-words", test_long_words);
  g_test_add_func ("/zone-quirks/long-names", test_long_names);
  return g_test_run ();
}
