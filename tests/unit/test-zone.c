/* Zone-file reader: the quirks of BIND and Windows files, and one finding per bad line. */
#include <string.h>
#include <glib/gstdio.h>
#include <lcsdns/finding.h>
#include <lcsdns/observe.h>
#include <lcsdns/zone.h>

typedef struct {
  GPtrArray *records;
  GPtrArray *findings;
  char      *origin;
  GError    *error;
  gboolean   ok;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->records, g_ptr_array_unref);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_clear_pointer (&result->origin, g_free);
  g_clear_error (&result->error);
}

static void
on_record (LcsRecord *record,
           gpointer   user_data)
{
  g_ptr_array_add (user_data, record);
}

static void
read_path (Result     *result,
           const char *path,
           const char *origin)
{
  memset (result, 0, sizeof *result);
  result->records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  result->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  result->ok = lcs_zone_read (path, origin, on_record, result->records, result->findings,
                              &result->origin, &result->error);
}

/* Writes @text (@length bytes, or NUL-terminated when -1) as @name in a new temporary directory. */
static char *
write_temp (const char *name,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-zone-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

static void
read_text (Result     *result,
           const char *text,
           gssize      length,
           const char *origin)
{
  g_autofree char *path = write_temp ("test.zone", text, length);

  read_path (result, path, origin);
  remove_temp (path);
}

static char *
fixture (const char *first,
         ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "fixtures");
  g_ptr_array_add (parts, (gpointer) "zones");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static const LcsRecord *
find_record (const Result *result,
             const char   *owner,
             guint16       type,
             guint         nth)
{
  guint i;

  for (i = 0; i < result->records->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (result->records, i);

      if (record->type == type && strcmp (record->owner, owner) == 0 && nth-- == 0)
        return record;
    }
  g_test_message ("no record %s %u #%u", owner, type, nth);
  return NULL;
}

static void
assert_record (const Result *result,
               const char   *owner,
               guint16       type,
               guint32       ttl,
               const char   *rdata)
{
  const LcsRecord *record = find_record (result, owner, type, 0);

  g_assert_nonnull (record);
  g_assert_cmpuint (record->ttl, ==, ttl);
  g_assert_cmpstr (record->rdata, ==, rdata);
}

/* Exactly one finding, at @line:@column, whose message holds @part. */
static void
assert_one_finding (const Result *result,
                    guint         line,
                    guint         column,
                    const char   *part)
{
  const LcsFinding *finding;

  g_assert_true (result->ok);
  g_assert_cmpuint (result->findings->len, ==, 1);
  finding = g_ptr_array_index (result->findings, 0);
  g_test_message ("finding %s:%u:%u: %s", finding->file, finding->line, finding->column,
                  finding->message);
  g_assert_cmpstr (finding->rule->id, ==, "zone-syntax");
  g_assert_nonnull (finding->file);
  g_assert_cmpuint (finding->line, ==, line);
  g_assert_cmpuint (finding->column, ==, column);
  g_assert_nonnull (strstr (finding->message, part));
  g_assert_null (strchr (finding->message, '\n'));
}

#define HEAD "$ORIGIN example.com.\n$TTL 300\n"

static void
test_basic (void)
{
  Result r;

  read_text (&r,
             HEAD
             "@ IN SOA ns1 Host\\.Master ( 1 2h 15m 1w 1d )\n"
             "  NS ns1\n"
             "  MX 10 Mail.Example.NET.\n"
             "ns1 A 192.0.2.1\n"
             "NS1 AAAA 2001:DB8:0:0:0:0:0:1\n"
             "_sip._tls SRV 0 0 443 SIP\n"
             "lcs CNAME pool01.Example.COM.\n"
             "10 PTR pool01\n"
             "@ TXT \"v=spf1 -all\" plain\n"
             "pool01 HINFO \"PC\" ( \"Windows\" )\n"
             "t TYPE65400 \\# 3 616263\n",
             -1, NULL);
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_cmpuint (r.records->len, ==, 11);
  g_assert_cmpstr (r.origin, ==, "example.com.");
  assert_record (&r, "example.com.", 6, 300,
                 "ns1.example.com. host\\.master.example.com. 1 7200 900 604800 86400");
  assert_record (&r, "example.com.", 2, 300, "ns1.example.com.");
  assert_record (&r, "example.com.", 15, 300, "10 mail.example.net.");
  g_assert_cmpuint (find_record (&r, "example.com.", 15, 0)->priority, ==, 10);
  g_assert_cmpstr (find_record (&r, "example.com.", 15, 0)->target, ==, "mail.example.net.");
  assert_record (&r, "ns1.example.com.", 1, 300, "192.0.2.1");
  g_assert_cmpstr (find_record (&r, "ns1.example.com.", 1, 0)->address, ==, "192.0.2.1");
  assert_record (&r, "ns1.example.com.", 28, 300, "2001:db8::1");
  assert_record (&r, "_sip._tls.example.com.", 33, 300, "0 0 443 sip.example.com.");
  g_assert_cmpuint (find_record (&r, "_sip._tls.example.com.", 33, 0)->port, ==, 443);
  g_assert_cmpstr (find_record (&r, "_sip._tls.example.com.", 33, 0)->target, ==, "sip.example.com.");
  assert_record (&r, "lcs.example.com.", 5, 300, "pool01.example.com.");
  assert_record (&r, "10.example.com.", 12, 300, "pool01.example.com.");
  assert_record (&r, "example.com.", 16, 300, "\"v=spf1 -all\" \"plain\"");
  assert_record (&r, "pool01.example.com.", 13, 300, "\"PC\" \"Windows\"");
  assert_record (&r, "t.example.com.", 65400, 300, "\\# 3 616263");
  result_clear (&r);
}

static void
test_ttl_class_order (void)
{
  Result r;

  read_text (&r,
             HEAD
             "a 600 IN A 192.0.2.1\n"
             "b IN 600 A 192.0.2.2\n"
             "c 1h30m A 192.0.2.3\n"
             "d IN A 192.0.2.4\n"
             "e 1W2D in a 192.0.2.5\n",
             -1, NULL);
  g_assert_cmpuint (r.findings->len, ==, 0);
  assert_record (&r, "a.example.com.", 1, 600, "192.0.2.1");
  assert_record (&r, "b.example.com.", 1, 600, "192.0.2.2");
  assert_record (&r, "c.example.com.", 1, 5400, "192.0.2.3");
  assert_record (&r, "d.example.com.", 1, 300, "192.0.2.4");
  assert_record (&r, "e.example.com.", 1, 777600, "192.0.2.5");
  result_clear (&r);
}

static void
test_blank_owner (void)
{
  Result r;

  read_text (&r,
             HEAD
             "www A 192.0.2.1\n"
             "\tA 192.0.2.2\n"
             "    600 TXT \"x\"\n"
             "; a comment does not end the owner\n"
             "\n"
             "  AAAA ::1\n"
             "mail A 192.0.2.3\n",
             -1, NULL);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_cmpuint (r.records->len, ==, 5);
  g_assert_nonnull (find_record (&r, "www.example.com.", 1, 1));
  assert_record (&r, "www.example.com.", 16, 600, "\"x\"");
  assert_record (&r, "www.example.com.", 28, 300, "::1");
  result_clear (&r);
}

static void
test_soa_default_ttl (void)
{
  Result r;

  /* No $TTL: an SOA without TTL makes its minimum the default, as BIND and Windows do. */
  read_text (&r,
             "$ORIGIN example.com.\n"
             "@ IN SOA ns1 hostmaster (\n"
             "    1 ; serial\n"
             "    900 600 86400\n"
             "    3600 ) ; default TTL\n"
             "a 600 A 192.0.2.1\n"
             "b A 192.0.2.2\n",
             -1, NULL);
  g_assert_cmpuint (r.findings->len, ==, 0);
  assert_record (&r, "example.com.", 6, 3600,
                 "ns1.example.com. hostmaster.example.com. 1 900 600 86400 3600");
  assert_record (&r, "a.example.com.", 1, 600, "192.0.2.1");
  assert_record (&r, "b.example.com.", 1, 3600, "192.0.2.2");
  result_clear (&r);
}

static void
test_windows_export (void)
{
  g_autofree char *path = fixture ("contoso.com.dns", NULL);
  const LcsRecord *record;
  Result r;

  read_path (&r, path, NULL);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_cmpstr (r.origin, ==, "contoso.com.");
  g_assert_cmpuint (r.records->len, ==, 17);
  assert_record (&r, "contoso.com.", 6, 3600,
                 "dc01.contoso.com. hostmaster.contoso.com. 2417 900 600 86400 3600");
  assert_record (&r, "contoso.com.", 2, 3600, "dc01.contoso.com.");
  g_assert_cmpuint (find_record (&r, "contoso.com.", 1, 1)->ttl, ==, 600);
  assert_record (&r, "hostname001.contoso.com.", 1, 1200, "10.195.200.240");
  assert_record (&r, "_ldap._tcp.default-first-site-name._sites.contoso.com.", 33, 600,
                 "0 100 389 dc01.contoso.com.");
  assert_record (&r, "_msdcs.contoso.com.", 2, 3600, "dc01.contoso.com.");
  assert_record (&r, "domaindnszones.contoso.com.", 1, 600, "10.0.0.10");
  record = find_record (&r, "_sip._tls.contoso.com.", 33, 0);
  g_assert_nonnull (record);
  g_assert_cmpstr (record->target, ==, "sip.contoso.com.");
  assert_record (&r, "www.contoso.com.", 5, 3600, "web.fabrikam.com.");
  result_clear (&r);

  /* An explicit origin wins over the file name. */
  read_path (&r, path, "Contoso.COM");
  g_assert_cmpstr (r.origin, ==, "contoso.com.");
  g_assert_cmpuint (r.records->len, ==, 17);
  result_clear (&r);
}

static void
test_crlf (void)
{
  Result r;

  read_text (&r,
             "$ORIGIN example.com.\r\n$TTL 300\r\n"
             "a A 192.0.2.1\r\n"
             "b TXT \"x\" \"y\"\r\n"
             "\r\n"
             "c SRV ( 0 0 5061\r\n pool ) \r\n"
             "d 300 IN A 192.0.2.x\r\n",
             -1, NULL);
  assert_record (&r, "a.example.com.", 1, 300, "192.0.2.1");
  assert_record (&r, "b.example.com.", 16, 300, "\"x\" \"y\"");
  assert_record (&r, "c.example.com.", 33, 300, "0 0 5061 pool.example.com.");
  assert_one_finding (&r, 8, 12, "IPv4");
  result_clear (&r);
}

static void
test_age (void)
{
  Result r;

  read_text (&r,
             HEAD
             "host1 [AGE:3636591] 1200 A 10.195.200.240\n"
             "host2 [AGE:3636591] A 10.195.200.241\n"
             "\t[AGE:3636591]\t600\tA\t10.195.200.242\n"
             "host3 [AGE:36x] 1200 A 10.195.200.243\n",
             -1, NULL);
  assert_record (&r, "host1.example.com.", 1, 1200, "10.195.200.240");
  assert_record (&r, "host2.example.com.", 1, 300, "10.195.200.241");
  g_assert_cmpuint (find_record (&r, "host2.example.com.", 1, 1)->ttl, ==, 600);
  assert_one_finding (&r, 6, 7, "aging");
  result_clear (&r);
}

static void
test_txt_quotes (void)
{
  Result r;

  read_text (&r,
             HEAD
             "a TXT \"v=spf1 ; not a comment\" ; a comment \"x\"\n"
             "b TXT \"quote \\\" backslash \\\\ decimal \\059\" \"\"\n"
             "c TXT \"(parens)\" \"\\200\"\n",
             -1, NULL);
  g_assert_cmpuint (r.findings->len, ==, 0);
  assert_record (&r, "a.example.com.", 16, 300, "\"v=spf1 ; not a comment\"");
  assert_record (&r, "b.example.com.", 16, 300, "\"quote \\\" backslash \\\\ decimal ;\" \"\"");
  assert_record (&r, "c.example.com.", 16, 300, "\"(parens)\" \"\\200\"");
  result_clear (&r);
}

static void
test_include (void)
{
  g_autofree char *path = fixture ("include", "main.zone", NULL);
  Result r;

  read_path (&r, path, NULL);
  g_assert_no_error (r.error);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_cmpstr (r.origin, ==, "example.org.");
  g_assert_cmpuint (r.records->len, ==, 8);
  assert_record (&r, "ns1.example.org.", 1, 3600, "192.0.2.1");
  assert_record (&r, "www.example.org.", 1, 3600, "192.0.2.2");
  assert_record (&r, "mail.example.org.", 1, 300, "192.0.2.3");
  assert_record (&r, "example.org.", 2, 3600, "ns1.example.org.");
  assert_record (&r, "sip.example.org.", 1, 3600, "192.0.2.4");
  assert_record (&r, "_sip._tls.sip.example.org.", 33, 3600, "0 0 443 sip.example.org.");
  assert_record (&r, "after.example.org.", 1, 3600, "192.0.2.99");
  result_clear (&r);
}

static void
test_include_loop (void)
{
  g_autofree char *path = fixture ("include", "loop-a.zone", NULL);
  const LcsFinding *finding;
  Result r;

  read_path (&r, path, NULL);
  g_assert_cmpuint (r.records->len, ==, 3);
  assert_one_finding (&r, 2, 10, "loop");
  finding = g_ptr_array_index (r.findings, 0);
  g_assert_true (g_str_has_suffix (finding->file, "loop-b.inc"));
  result_clear (&r);
}

static void
test_include_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcs-zone-XXXXXX", &error);
  g_autofree char *top = NULL;
  Result r;
  int i;

  g_assert_no_error (error);
  for (i = 0; i <= 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("%d.zone", i);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *text = g_strdup_printf ("$TTL 60\nh%d.example.com. A 192.0.2.%d\n"
                                               "$INCLUDE %d.zone\n", i, i, i + 1);

      g_file_set_contents (file, text, -1, &error);
      g_assert_no_error (error);
    }
  top = g_build_filename (dir, "0.zone", NULL);
  read_path (&r, top, "example.com");
  /* The top file and eight nested levels are read; the ninth $INCLUDE is refused. */
  g_assert_cmpuint (r.records->len, ==, 9);
  assert_one_finding (&r, 3, 10, "deeper");
  g_assert_true (g_str_has_suffix (((LcsFinding *) g_ptr_array_index (r.findings, 0))->file,
                                   "8.zone"));
  result_clear (&r);
  remove_temp (top);
}

static void
test_include_missing (void)
{
  Result r;

  read_text (&r, HEAD "$INCLUDE no-such.inc\na A 192.0.2.1\n", -1, NULL);
  g_assert_cmpuint (r.records->len, ==, 1);
  assert_one_finding (&r, 3, 10, "no-such.inc");
  result_clear (&r);
}

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

static void
test_unreadable (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "lcs-zone-missing", "x.dns", NULL);
  Result r;

  read_path (&r, path, NULL);
  g_assert_false (r.ok);
  g_assert_error (r.error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (r.error->message, path));
  g_assert_null (strchr (r.error->message, '\n'));
  result_clear (&r);

  read_path (&r, g_get_tmp_dir (), "example.com");
  g_assert_false (r.ok);
  g_assert_error (r.error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_UNREADABLE);
  result_clear (&r);
}

static void
test_origin (void)
{
  Result r;
  g_autofree char *path = NULL;

  /* Neither $ORIGIN nor an origin nor a <zone>.dns file name. */
  read_text (&r, "$TTL 60\nwww A 192.0.2.1\n", -1, NULL);
  g_assert_false (r.ok);
  g_assert_error (r.error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN);
  result_clear (&r);

  read_text (&r, "$TTL 60\nwww A 192.0.2.1\n", -1, "bad name!");
  g_assert_error (r.error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN);
  result_clear (&r);

  path = write_temp ("bad zone!.dns", "$TTL 60\nwww A 192.0.2.1\n", -1);
  read_path (&r, path, NULL);
  g_assert_error (r.error, LCS_ZONE_ERROR, LCS_ZONE_ERROR_NO_ORIGIN);
  result_clear (&r);
  remove_temp (path);
  g_clear_pointer (&path, g_free);

  path = write_temp ("Fabrikam.COM.dns", "$TTL 60\nwww A 192.0.2.1\n", -1);
  read_path (&r, path, NULL);
  g_assert_true (r.ok);
  g_assert_cmpstr (r.origin, ==, "fabrikam.com.");
  assert_record (&r, "www.fabrikam.com.", 1, 60, "192.0.2.1");
  result_clear (&r);
  remove_temp (path);

  /* Absolute names only: the SOA owner is the origin. */
  read_text (&r, "$TTL 60\nexample.net. SOA ns.example.net. hm.example.net. 1 2 3 4 5\n", -1, NULL);
  g_assert_true (r.ok);
  g_assert_cmpstr (r.origin, ==, "example.net.");
  result_clear (&r);
}

static void
test_load (void)
{
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp ("contoso.com.dns",
                                      "$TTL 300\n_sip._tls SRV 0 0 443 sip\nsip A 192.0.2.1\n"
                                      "bad A 1.2.3\n", -1);
  g_autoptr(GPtrArray) found = NULL;

  g_assert_true (lcs_zone_load (obs, LCS_VIEW_EXTERNAL, path, NULL, findings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lcs_observations_count (obs), ==, 2);
  found = lcs_observations_lookup (obs, LCS_VIEW_EXTERNAL, "_sip._tls.contoso.com", LCS_TYPE_SRV);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (lcs_observations_zone_for (obs, LCS_VIEW_EXTERNAL, "x.contoso.com."), ==,
                   "contoso.com.");
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_EXTERNAL, "nothing.contoso.com.", 1),
                   ==, LCS_ANSWER_NXDOMAIN);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((LcsFinding *) g_ptr_array_index (findings, 0))->view, ==, LCS_VIEW_EXTERNAL);
  remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  gsize i;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone/basic", test_basic);
  g_test_add_func ("/zone/ttl-class-order", test_ttl_class_order);
  g_test_add_func ("/zone/blank-owner", test_blank_owner);
  g_test_add_func ("/zone/soa-default-ttl", test_soa_default_ttl);
  g_test_add_func ("/zone/windows-export", test_windows_export);
  g_test_add_func ("/zone/crlf", test_crlf);
  g_test_add_func ("/zone/age", test_age);
  g_test_add_func ("/zone/txt-quotes", test_txt_quotes);
  g_test_add_func ("/zone/include", test_include);
  g_test_add_func ("/zone/include-loop", test_include_loop);
  g_test_add_func ("/zone/include-depth", test_include_depth);
  g_test_add_func ("/zone/include-missing", test_include_missing);
  for (i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *name = g_strdup_printf ("/zone/bad/%s", bad_lines[i].name);
      g_test_add_data_func (name, &bad_lines[i], test_bad_line);
    }
  g_test_add_func ("/zone/long-name", test_long_name);
  g_test_add_func ("/zone/nul-byte", test_nul_byte);
  g_test_add_func ("/zone/last-line", test_last_line);
  g_test_add_func ("/zone/unterminated-paren", test_unterminated_paren);
  g_test_add_func ("/zone/unreadable", test_unreadable);
  g_test_add_func ("/zone/origin", test_origin);
  g_test_add_func ("/zone/load", test_load);
  return g_test_run ();
}
