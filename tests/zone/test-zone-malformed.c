/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file reader on malformed input: one finding per bad line, at the offending token, and
 * reading goes on. */
#include <string.h>

#include "zone-test-util.h"

/* Each bad line gives one finding at its token, and the next line is still read. */
typedef struct {
  const char *name;
  const char *line;
  guint       column;
  const char *part;
} BadLine;

static const BadLine bad_lines[] = {
  { "bad-ttl", "www 1x IN A 192.0.2.1", 5, "TTL" },
  { "ttl-overflow", "www 4294967296 A 192.0.2.1", 5, "TTL" },
  { "unknown-type", "www IN FOO bar", 8, "unknown record type" },
  { "long-label", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa A 192.0.2.1", 1,
    "63" },
  { "long-target", "www CNAME aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.", 11, "63" },
  { "empty-label", "a..b A 192.0.2.1", 1, "empty label" },
  { "bad-ipv4", "www IN A 192.0.2.256", 10, "IPv4" },
  { "ipv4-leading-zero", "www IN A 192.0.02.1", 10, "IPv4" },
  { "ipv4-short", "www A 192.0.2", 7, "IPv4" },
  { "bad-ipv6", "www AAAA 2001:db8::g", 10, "IPv6" },
  { "srv-port", "_sip._tls IN SRV 0 0 70000 sip", 22, "port" },
  { "srv-short", "_sip._tls IN SRV 0 0 443", 25, "needs" },
  { "extra", "www A 192.0.2.1 192.0.2.2", 17, "unexpected" },
  { "mx-pref", "@ MX -1 mail", 6, "preference" },
  { "no-type", "www 300 IN", 11, "type missing" },
  { "class", "www CH A 192.0.2.1", 5, "class" },
  { "nested-paren", "www TXT ( \"a\" ( \"b\" ) )", 15, "twice" },
  { "close-paren", "www TXT \"a\" )", 13, "closing" },
  { "open-quote", "www TXT \"abc", 9, "quoted" },
  { "long-txt", "www TXT \"" "0123456789012345678901234567890123456789012345678901234567890123456789"
    "0123456789012345678901234567890123456789012345678901234567890123456789"
    "0123456789012345678901234567890123456789012345678901234567890123456789"
    "012345678901234567890123456789012345678901234567890\"", 9, "255" },
  { "directive", "$GENERATE 1-10 h$ A 192.0.2.$", 1, "$GENERATE" },
  { "bad-ttl-directive", "$TTL forever", 6, "TTL" },
  { "soa-serial", "@ SOA ns hm x 1 2 3 4", 13, "serial" },
  { "generic-a", "www A \\# 4 c0000201", 7, "generic" },
  { "no-owner", "  A 192.0.2.1", 3, "no owner" },
  { "include-no-file", "$INCLUDE", 9, "file name" },
  { "origin-extra", "$ORIGIN a. b.", 12, "one domain name" },
};

static void
test_bad_line (gconstpointer data)
{
  const BadLine *bad = data;
  g_autofree char *text = g_strdup_printf (HEAD "%s\nafter A 192.0.2.9\n", bad->line);
  Result r;

  read_text (&r, text, -1, NULL);
  assert_one_finding (&r, 3, bad->column, bad->part);
  assert_record (&r, "after.example.com.", 1, 300, "192.0.2.9");
  result_clear (&r);
}

static void
test_long_name (void)
{
  g_autofree char *label_63 = g_strnfill (63, 'a');
  g_autofree char *label_60 = g_strnfill (60, 'b');
  /* 4 × 63 + 3 dots: 255 octets of text, over 253 by itself; "x" + 4 × 60 reaches 257 only with
   * ".example.com"; 3 × 60 + "x" stays under. */
  g_autofree char *text = g_strdup_printf (HEAD "%s.%s.%s.%s. A 192.0.2.1\n"
                                           "x.%s.%s.%s.%s A 192.0.2.2\n"
                                           "%s.%s.%s.x A 192.0.2.3\n",
                                           label_63, label_63, label_63, label_63,
                                           label_60, label_60, label_60, label_60,
                                           label_60, label_60, label_60);
  guint i;
  Result r;

  read_text (&r, text, -1, NULL);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 2);
  for (i = 0; i < 2; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (r.findings, i);

      g_assert_cmpuint (finding->line, ==, 3 + i);
      g_assert_cmpuint (finding->column, ==, 1);
      g_assert_nonnull (strstr (finding->message, "253"));
    }
  g_assert_cmpuint (r.records->len, ==, 1);
  result_clear (&r);
}

static void
test_nul_byte (void)
{
  static const char text[] = HEAD "www A 192.0\0.2.1\nafter TXT \"a\0b\"\nlast A 192.0.2.3\n";
  Result r;

  read_text (&r, text, sizeof text - 1, NULL);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.records->len, ==, 1);
  g_assert_cmpuint (r.findings->len, ==, 2);
  g_assert_cmpuint (((LcsFinding *) g_ptr_array_index (r.findings, 0))->line, ==, 3);
  g_assert_cmpuint (((LcsFinding *) g_ptr_array_index (r.findings, 0))->column, ==, 12);
  g_assert_cmpuint (((LcsFinding *) g_ptr_array_index (r.findings, 1))->line, ==, 4);
  g_assert_cmpuint (((LcsFinding *) g_ptr_array_index (r.findings, 1))->column, ==, 13);
  assert_record (&r, "last.example.com.", 1, 300, "192.0.2.3");
  result_clear (&r);
}

static void
test_last_line (void)
{
  Result r;

  /* A complete last line without its newline is a record. */
  read_text (&r, HEAD "a A 192.0.2.1\nb A 192.0.2.2", -1, NULL);
  g_assert_cmpuint (r.findings->len, ==, 0);
  assert_record (&r, "b.example.com.", 1, 300, "192.0.2.2");
  result_clear (&r);

  /* A cut one is reported where it stops. */
  read_text (&r, HEAD "a A 192.0.2.1\n_sip._tls SRV 0 0", -1, NULL);
  assert_one_finding (&r, 4, 18, "needs");
  g_assert_cmpuint (r.records->len, ==, 1);
  result_clear (&r);
}

static void
test_unterminated_paren (void)
{
  Result r;

  read_text (&r, HEAD "a A 192.0.2.1\n@ SOA ns hm ( 1 2 3\n 4 5\nb A 192.0.2.2\n", -1, NULL);
  assert_one_finding (&r, 4, 13, "parenthesis");
  g_assert_cmpuint (r.records->len, ==, 1);
  result_clear (&r);
}

/* Over 64 KiB without a newline: not buffered whole, reported, and the next line is read. Past
 * 256 KiB the line does not fit the read buffer either. */
static void
test_long_line (gconstpointer data)
{
  gsize length = GPOINTER_TO_SIZE (data);
  GString *text = g_string_new (HEAD "www TXT \"");
  Result r;

  while (text->len < length)
    g_string_append (text, "0123456789");
  g_string_append (text, "\"\nafter A 192.0.2.9\n");
  read_text (&r, text->str, -1, NULL);
  g_string_free (text, TRUE);
  assert_one_finding (&r, 3, 1, "65536");
  assert_record (&r, "after.example.com.", 1, 300, "192.0.2.9");
  result_clear (&r);
}

static void
test_no_ttl (void)
{
  Result r;

  read_text (&r, "$ORIGIN example.com.\nwww A 192.0.2.1\nmail 60 A 192.0.2.2\n", -1, NULL);
  assert_one_finding (&r, 2, 5, "no TTL");
  assert_record (&r, "mail.example.com.", 1, 60, "192.0.2.2");
  result_clear (&r);
}

static void
test_many_bad_lines (void)
{
  GString *text = g_string_new (HEAD);
  const LcsFinding *last;
  Result r;
  guint i;

  for (i = 0; i < 1500; i++)
    g_string_append (text, "www A 192.0.2.x\n");
  g_string_append (text, "after A 192.0.2.9\n");
  read_text (&r, text->str, -1, NULL);
  g_string_free (text, TRUE);
  /* A thousand findings, one that says the rest are left out, and the reading went on. */
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 1001);
  last = g_ptr_array_index (r.findings, 1000);
  g_assert_nonnull (strstr (last->message, "1000"));
  g_assert_cmpuint (last->line, ==, 1003);
  assert_record (&r, "after.example.com.", 1, 300, "192.0.2.9");
  result_clear (&r);
}

/* BIND ignores records outside the zone with a warning: one info finding per file, at the
 * first, that counts them; none is kept. */
static void
test_out_of_zone (void)
{
  static const char text[] =
    "$ORIGIN contoso.com.\n$TTL 300\n"
    "@ NS dc01\n"
    "_sipinternaltls._tcp.fabrikam.com. IN SRV 0 0 5061 lcs.contoso.com.\n"
    "  IN A 192.0.2.7\n"
    "xcontoso.com. A 192.0.2.8\n"
    "a\\.contoso.com. A 192.0.2.9\n"
    "lcs A 10.0.0.10\n";
  const LcsFinding *finding;
  Result r;

  read_text (&r, text, -1, "contoso.com");
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 1);
  finding = g_ptr_array_index (r.findings, 0);
  g_assert_cmpstr (finding->rule->id, ==, "zone-out-of-zone");
  g_assert_cmpint (finding->severity, ==, LCS_SEVERITY_INFO);
  g_assert_cmpuint (finding->line, ==, 4);
  g_assert_cmpstr (finding->message, ==, "4 records outside contoso.com. ignored, as BIND ignores "
                   "them (the first: _sipinternaltls._tcp.fabrikam.com.)");
  g_assert_cmpuint (r.records->len, ==, 2);
  assert_record (&r, "contoso.com.", LCS_TYPE_NS, 300, "dc01.contoso.com.");
  assert_record (&r, "lcs.contoso.com.", LCS_TYPE_A, 300, "10.0.0.10");
  result_clear (&r);
}

/* lcs_zone_load keeps out-of-zone records out of the observations too. */
static void
test_out_of_zone_load (void)
{
  g_autofree char *path = write_temp ("contoso.com.dns",
                                      "@ 3600 NS dc01\r\n"
                                      "_sip._tls.fabrikam.com. 3600 SRV 0 0 443 lcs.contoso.com."
                                      "\r\n"
                                      "_sip._tls 3600 SRV 0 0 443 lcs.contoso.com.\r\n", -1);
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) findings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  const LcsFinding *finding;

  g_assert_true (lcs_zone_load (obs, LCS_VIEW_EXTERNAL, path, NULL, findings, &error));
  g_assert_no_error (error);
  remove_temp (path);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpuint (finding->view, ==, LCS_VIEW_EXTERNAL);
  g_assert_cmpuint (finding->line, ==, 2);
  g_assert_cmpstr (finding->rule->id, ==, "zone-out-of-zone");
  g_assert_nonnull (strstr (finding->message, "1 record outside contoso.com. ignored"));
  g_assert_nonnull (strstr (finding->message, "_sip._tls.fabrikam.com."));
  g_assert_cmpuint (lcs_observations_count (obs), ==, 2);
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_EXTERNAL, "_sip._tls.fabrikam.com",
                                            LCS_TYPE_SRV), ==, LCS_ANSWER_UNKNOWN);
  kept = lcs_observations_lookup (obs, LCS_VIEW_EXTERNAL, "_sip._tls.contoso.com", LCS_TYPE_SRV);
  g_assert_cmpuint (kept->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gsize i;

  g_test_init (&argc, &argv, NULL);
  for (i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *name = g_strdup_printf ("/zone/bad/%s", bad_lines[i].name);
      g_test_add_data_func (name, &bad_lines[i], test_bad_line);
    }
  g_test_add_func ("/zone/long-name", test_long_name);
  g_test_add_func ("/zone/nul-byte", test_nul_byte);
  g_test_add_func ("/zone/last-line", test_last_line);
  g_test_add_func ("/zone/unterminated-paren", test_unterminated_paren);
  g_test_add_data_func ("/zone/long-line", GSIZE_TO_POINTER (70000), test_long_line);
  g_test_add_data_func ("/zone/longer-line", GSIZE_TO_POINTER (300000), test_long_line);
  g_test_add_func ("/zone/no-ttl", test_no_ttl);
  g_test_add_func ("/zone/many-bad-lines", test_many_bad_lines);
  g_test_add_func ("/zone/out-of-zone", test_out_of_zone);
  g_test_add_func ("/zone/out-of-zone-load", test_out_of_zone_load);
  return g_test_run ();
}
