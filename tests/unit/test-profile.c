/* Profile: defaults, every field, key-file round trip, atomic save, bad fields named. */
#include <glib/gstdio.h>
#include <lcsdns/profile/profile.h>
#include <string.h>

static void
test_defaults (void)
{
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (profile->product, ==, LCS_PRODUCT_LCS2005);
  g_assert_cmpint (profile->edition, ==, LCS_EDITION_STANDARD);
  g_assert_cmpint (profile->clients, ==, LCS_CLIENT_COMMUNICATOR);
  g_assert_cmpint (profile->transports, ==, LCS_TRANSPORT_TLS);
  g_assert_cmpuint (profile->tls_port, ==, 5061);
  g_assert_cmpuint (profile->tcp_port, ==, 5060);
  g_assert_cmpint (profile->matching, ==, LCS_MATCHING_STRICT);
  g_assert_false (profile->federation);
  g_assert_false (lcs_profile_validate (profile, &error));
  g_assert_error (error, LCS_PROFILE_ERROR, LCS_PROFILE_ERROR_INCOMPLETE);
}

static void
test_bad_values (void)
{
  const char *bad[][2] = {
    { "pool-ip", "300.1.1.1" }, { "pool", "lcs contoso.com" }, { "product", "lync2099" },
    { "tls-port", "70000" }, { "transports", "udp" }, { "domains", "contoso" },
    { "members", "lcs01.contoso.com" }, { "internal-dns", "dns.contoso.com" },
    { "federation", "maybe" }, { "no-such-key", "1" }, { "pool", "10.0.0.1" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LcsProfile) profile = lcs_profile_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (lcs_profile_set (profile, bad[i][0], bad[i][1], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i][0]));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpuint (profile->domains->len, ==, 0);
    }
}

static LcsProfile *
full_profile (void)
{
  LcsProfile *p = lcs_profile_new ();
  const char *fields[][2] = {
    { "product", "ocs2007r2" }, { "edition", "enterprise" }, { "domains", "Contoso.com, fabrikam.com" },
    { "pool", "pool01.contoso.com" }, { "pool-ip", "10.0.0.50" },
    { "members", "fe01.contoso.com=10.0.0.51,fe02.contoso.com=10.0.0.52" },
    { "domain-host", "fabrikam.com=lcs.fabrikam.com" }, { "clients", "communicator" },
    { "transports", "both" }, { "tls-port", "5071" }, { "tcp-port", "5070" },
    { "edge", "edge.contoso.com" }, { "edge-ip", "203.0.113.10" }, { "federation", "true" },
    { "internal-dns", "10.0.0.2,10.0.0.3:5353" }, { "external-dns", "[2001:db8::53]:53" },
    { "matching", "suffix" }, { "checklist", "backup-dcs,schema" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (lcs_profile_set (p, fields[i][0], fields[i][1], NULL));
  g_ptr_array_add (p->records, lcs_record_parse_line ("_sip._tls.contoso.com. SRV 0 0 443 edge.contoso.com.", NULL));
  return p;
}

static void
test_round_trip (void)
{
  g_autoptr(LcsProfile) p = full_profile ();
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autoptr(LcsProfile) q = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  data = lcs_profile_to_data (p, &length);
  q = lcs_profile_load_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (q->product, ==, LCS_PRODUCT_OCS2007R2);
  g_assert_cmpint (q->edition, ==, LCS_EDITION_ENTERPRISE);
  g_assert_cmpuint (q->domains->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (q->domains, 0), ==, "contoso.com");
  g_assert_cmpuint (q->members->len, ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (q->domain_hosts, "fabrikam.com"), ==, "lcs.fabrikam.com");
  g_assert_cmpint (q->transports, ==, LCS_TRANSPORT_TLS | LCS_TRANSPORT_TCP);
  g_assert_cmpuint (q->tls_port, ==, 5071);
  g_assert_cmpuint (q->tcp_port, ==, 5070);
  g_assert_true (q->federation);
  g_assert_cmpuint (q->internal_dns->len, ==, 2);
  g_assert_cmpint (q->matching, ==, LCS_MATCHING_SUFFIX);
  g_assert_cmpuint (q->checklist_done->len, ==, 2);
  g_assert_cmpuint (q->records->len, ==, 1);
  again = lcs_profile_to_data (q, NULL);
  g_assert_cmpstr (again, ==, data);
}

static void
test_save_atomic (void)
{
  g_autoptr(LcsProfile) p = full_profile ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lcsdns-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.lcsdns", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "x.lcsdns", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(LcsProfile) loaded = NULL;

  g_assert_true (lcs_profile_save (p, path, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  loaded = lcs_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->pool, ==, "pool01.contoso.com");

  g_assert_false (lcs_profile_save (p, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_load_errors (void)
{
  g_autoptr(GError) error = NULL;
  const char *bad = "[deployment]\ndomains=contoso.com\npool-ip=10.0.0.300\n";

  g_assert_null (lcs_profile_load_data (bad, strlen (bad), &error));
  g_assert_nonnull (strstr (error->message, "pool-ip=10.0.0.300"));
  g_clear_error (&error);
  g_assert_null (lcs_profile_load_data ("garbage", 7, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (lcs_profile_load ("/nonexistent/profile.lcsdns", &error));
  g_assert_nonnull (error);
}

static void
test_hosts (void)
{
  g_autoptr(LcsProfile) p = lcs_profile_new ();
  g_autofree char *h1 = NULL, *h2 = NULL, *h3 = NULL;

  g_assert_true (lcs_profile_set (p, "domains", "contoso.com,fabrikam.com,corp.contoso.com", NULL));
  g_assert_true (lcs_profile_set (p, "pool", "lcs.contoso.com", NULL));
  h1 = lcs_profile_host_for_domain (p, "contoso.com");
  h2 = lcs_profile_host_for_domain (p, "fabrikam.com");
  h3 = lcs_profile_host_for_domain (p, "corp.contoso.com");
  g_assert_cmpstr (h1, ==, "lcs.contoso.com");
  g_assert_cmpstr (h2, ==, "sip.fabrikam.com");
  g_assert_cmpstr (h3, ==, "sip.corp.contoso.com");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/profile/defaults", test_defaults);
  g_test_add_func ("/profile/bad-values", test_bad_values);
  g_test_add_func ("/profile/round-trip", test_round_trip);
  g_test_add_func ("/profile/save-atomic", test_save_atomic);
  g_test_add_func ("/profile/load-errors", test_load_errors);
  g_test_add_func ("/profile/hosts", test_hosts);
  return g_test_run ();
}
