/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Zone-file reader: the quirks of BIND and Windows files, $INCLUDE, origins, loading.
 * Malformed input: tests/zone/test-zone-malformed.c. */
#include <string.h>
#include <glib/gstdio.h>
#include <lcsdns/model/observe.h>

#include "zone-test-util.h"

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
  g_assert_cmpstr (find_record (&r, "_sip._tls.example.com.", 33, 0)->target, ==,
                   "sip.example.com.");
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
  /* The token's hours are kept for DNS Manager's Timestamp column; a plain record is static. */
  g_assert_cmpuint (find_record (&r, "host1.example.com.", 1, 0)->aging, ==, 3636591);
  g_assert_cmpuint (find_record (&r, "host2.example.com.", 1, 1)->aging, ==, 3636591);
  result_clear (&r);

  read_text (&r, HEAD "host1 1200 A 10.195.200.240\n", -1, NULL);
  g_assert_cmpuint (find_record (&r, "host1.example.com.", 1, 0)->aging, ==, 0);
  result_clear (&r);
}

/* The three columns DNS Manager shows besides the name, as it writes them. */
static void
test_manager_columns (void)
{
  Result r;
  const char *const expected[][4] = {
    { "example.com.", "Start of Authority (SOA)", "[7], ns1.example.com., hostmaster.example.com.", "static" },
    { "_sip._tls.example.com.", "Service Location (SRV)", "[0][0][443] sip.example.com.", "static" },
    { "sip.example.com.", "Host (A)", "10.0.0.1", "11/11/2015 3:00:00 PM" },
    { "www.example.com.", "Alias (CNAME)", "sip.example.com.", "11/11/2015 4:00:00 AM" },
    { "example.com.", "Mail Exchanger (MX)", "[10] mail.example.com.", "static" },
    { "v6.example.com.", "IPv6 Host (AAAA)", "2001:db8::1", "static" },
  };

  read_text (&r,
             HEAD
             "@ SOA ns1 hostmaster 7 900 600 86400 3600\n"
             "_sip._tls SRV 0 0 443 sip\n"
             "sip [AGE:3636591] A 10.0.0.1\n"
             "www [AGE:3636580] CNAME sip\n"
             "@ MX 10 mail\n"
             "v6 AAAA 2001:db8::1\n",
             -1, NULL);
  g_assert_cmpuint (r.records->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < r.records->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (r.records, i);
      g_autofree char *data = lcs_record_format_data (record);
      g_autofree char *stamp = lcs_record_format_timestamp (record);

      g_assert_cmpstr (record->owner, ==, expected[i][0]);
      g_assert_cmpstr (lcs_type_display_name (record->type), ==, expected[i][1]);
      g_assert_cmpstr (data, ==, expected[i][2]);
      g_assert_cmpstr (stamp, ==, expected[i][3]);
    }
  /* Types DNS Manager has no long name for keep their mnemonic. */
  g_assert_cmpstr (lcs_type_display_name (257), ==, "CAA");
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

/* The file is read in chunks of 256 KiB: records and parentheses across their edges. */
static void
test_large_file (void)
{
  GString *text = g_string_new (HEAD);
  Result r;
  guint i;

  for (i = 0; i < 30000; i++)
    {
      if (i % 7 == 0)
        g_string_append_printf (text, "_s%u._tcp SRV ( 0 0\r\n   %u ; port\r\n  t%u )\r\n",
                                i, i % 65536, i);
      else
        g_string_append_printf (text, "h%u\t[AGE:3636591]\t1200\tA\t10.%u.%u.%u\r\n", i,
                                i >> 16, (i >> 8) & 255, i & 255);
    }
  g_assert_cmpuint (text->len, >, 3 * 256 * 1024);
  read_text (&r, text->str, (gssize) text->len, NULL);
  g_string_free (text, TRUE);
  g_assert_cmpuint (r.findings->len, ==, 0);
  g_assert_cmpuint (r.records->len, ==, 30000);
  for (i = 0; i < 30000; i++)
    {
      const LcsRecord *record = g_ptr_array_index (r.records, i);
      g_autofree char *owner = i % 7 == 0 ? g_strdup_printf ("_s%u._tcp.example.com.", i)
                                          : g_strdup_printf ("h%u.example.com.", i);

      g_assert_cmpstr (record->owner, ==, owner);
      if (i % 7 == 0)
        {
          g_autofree char *rdata = g_strdup_printf ("0 0 %u t%u.example.com.", i % 65536, i);

          g_assert_cmpstr (record->rdata, ==, rdata);
        }
      else
        {
          g_autofree char *address = g_strdup_printf ("10.%u.%u.%u", i >> 16, (i >> 8) & 255,
                                                      i & 255);

          g_assert_cmpstr (record->address, ==, address);
          g_assert_cmpuint (record->ttl, ==, 1200);
        }
    }
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
  g_autoptr(GPtrArray) findings =
    g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
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

/* The store copies borrowed records in and indexes owners on the first lookup: records added
 * after a lookup, at old and new owners and not next to each other, are found in order. */
static void
test_store_interleaved (void)
{
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  char owner[64], address[32];
  LcsRecord record = { 0 };
  guint i;

  record.type = LCS_TYPE_A;
  record.ttl = 300;
  /* Enough owners to grow the index twice. */
  for (i = 0; i < 3000; i++)
    {
      g_snprintf (owner, sizeof owner, "h%u.example.com.", i % 1500);
      g_snprintf (address, sizeof address, "192.0.%u.%u", i / 256, i % 256);
      record.owner = owner;
      record.rdata = record.address = address;
      lcs_observations_add_record (obs, LCS_VIEW_INTERNAL, &record);
      /* The store keeps its own copies. */
      memset (address, 'x', 8);
    }
  first = lcs_observations_lookup (obs, LCS_VIEW_INTERNAL, "H7.example.com", 0);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (((LcsRecord *) first->pdata[0])->address, ==, "192.0.0.7");
  g_assert_cmpstr (((LcsRecord *) first->pdata[1])->address, ==, "192.0.5.227");
  g_assert_cmpstr (((LcsRecord *) first->pdata[1])->owner, ==, "h7.example.com.");

  for (i = 0; i < 3000; i++)
    {
      g_snprintf (owner, sizeof owner, "n%u.example.com.", i);
      record.owner = owner;
      record.rdata = record.address = (char *) "192.0.2.1";
      lcs_observations_add_record (obs, LCS_VIEW_INTERNAL, &record);
      if (i == 1000)
        {
          record.owner = (char *) "h7.example.com.";
          record.rdata = record.address = (char *) "192.0.2.7";
          lcs_observations_add_record (obs, LCS_VIEW_INTERNAL, &record);
        }
    }
  second = lcs_observations_lookup (obs, LCS_VIEW_INTERNAL, "h7.example.com.", LCS_TYPE_A);
  g_assert_cmpuint (second->len, ==, 3);
  g_assert_cmpstr (((LcsRecord *) second->pdata[2])->address, ==, "192.0.2.7");
  g_assert_cmpuint (lcs_observations_count (obs), ==, 6001);
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_INTERNAL, "n2999.example.com.",
                                            LCS_TYPE_A), ==, LCS_ANSWER_DATA);
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_INTERNAL, "n2999.example.com.",
                                            LCS_TYPE_SRV), ==, LCS_ANSWER_NODATA);
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_INTERNAL, "n3000.example.com.",
                                            LCS_TYPE_A), ==, LCS_ANSWER_UNKNOWN);
  g_assert_cmpint (lcs_observations_answer (obs, LCS_VIEW_EXTERNAL, "n1.example.com.",
                                            LCS_TYPE_A), ==, LCS_ANSWER_UNKNOWN);
  /* The count stops at its limit, and is the whole count below it. */
  g_assert_cmpuint (lcs_observations_count_at (obs, LCS_VIEW_INTERNAL, "H7.Example.com", 2), ==, 2);
  g_assert_cmpuint (lcs_observations_count_at (obs, LCS_VIEW_INTERNAL, "h7.example.com.", 10), ==, 3);
  g_assert_cmpuint (lcs_observations_count_at (obs, LCS_VIEW_INTERNAL, "n5.example.com", 2), ==, 1);
  g_assert_cmpuint (lcs_observations_count_at (obs, LCS_VIEW_INTERNAL, "n3000.example.com", 2), ==, 0);
  g_assert_cmpuint (lcs_observations_count_at (obs, LCS_VIEW_EXTERNAL, "n5.example.com", 2), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The Timestamp column is in local time, as in DNS Manager: fix the zone for the test. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone/basic", test_basic);
  g_test_add_func ("/zone/manager-columns", test_manager_columns);
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
  g_test_add_func ("/zone/large-file", test_large_file);
  g_test_add_func ("/zone/unreadable", test_unreadable);
  g_test_add_func ("/zone/origin", test_origin);
  g_test_add_func ("/zone/load", test_load);
  g_test_add_func ("/zone/store-interleaved", test_store_interleaved);
  return g_test_run ();
}
