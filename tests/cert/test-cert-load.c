/* Certificates read from files made at run time with certtool: PEM, DER, PKCS#12, a chain,
 * bad files, and generated certificates through the whole check. */
#include <lcsdns/cert/cert.h>

#include <string.h>

#include "certgen.h"
#include "certtest.h"

static CertGen *gen;

#define SERVER_TEMPLATE \
  "cn = \"lcs.contoso.com\"\n" \
  "organization = \"Contoso, Ltd\"\n" \
  "dns_name = \"lcs.contoso.com\"\n" \
  "dns_name = \"sip.contoso.com\"\n" \
  "dns_name = \"*.fabrikam.com\"\n" \
  "ip_address = \"192.0.2.10\"\n" \
  "activation_date = \"2020-01-01 00:00:00\"\n" \
  "expiration_date = \"2030-01-01 00:00:00\"\n" \
  "tls_www_server\nsigning_key\nencryption_key\n"

static void
assert_server_info (const LcsCertInfo *info,
                    const char        *path)
{
  const char *const expected_names[] = { "lcs.contoso.com", "sip.contoso.com", "*.fabrikam.com" };
  g_autoptr(GDateTime) from = certtest_date (CERTTEST_VALID_FROM);
  g_autoptr(GDateTime) until = certtest_date (CERTTEST_VALID_UNTIL);

  g_assert_cmpstr (info->source, ==, path);
  g_assert_cmpstr (info->subject_cn, ==, "lcs.contoso.com");
  g_assert_nonnull (strstr (info->subject, "O=Contoso\\, Ltd"));
  g_assert_nonnull (info->issuer);
  g_assert_true (g_date_time_equal (info->not_before, from));
  g_assert_true (g_date_time_equal (info->not_after, until));
  g_assert_cmpuint (info->dns_names->len, ==, G_N_ELEMENTS (expected_names));
  for (gsize i = 0; i < G_N_ELEMENTS (expected_names); i++)
    g_assert_cmpstr (info->dns_names->pdata[i], ==, expected_names[i]);
  g_assert_cmpuint (info->ip_addresses->len, ==, 1);
  g_assert_cmpstr (info->ip_addresses->pdata[0], ==, "192.0.2.10");
  g_assert_false (info->fetched);
  g_assert_nonnull (info->certificate);
}

static void
test_load_formats (void)
{
  g_autoptr(GError) error = NULL;
  const char *pem = certgen_make_checked (gen, "server", SERVER_TEMPLATE);
  const char *der = certgen_to_der (gen, "server", &error);
  const char *p12;
  g_autoptr(LcsCertInfo) from_pem = NULL;
  g_autoptr(LcsCertInfo) from_der = NULL;
  g_autoptr(LcsCertInfo) from_p12 = NULL;

  g_assert_no_error (error);
  p12 = certgen_to_p12 (gen, "server", "s3cret", &error);
  g_assert_no_error (error);

  from_pem = lcs_cert_load (pem, NULL, &error);
  g_assert_no_error (error);
  assert_server_info (from_pem, pem);
  from_der = lcs_cert_load (der, NULL, &error);
  g_assert_no_error (error);
  assert_server_info (from_der, der);
  from_p12 = lcs_cert_load (p12, "s3cret", &error);
  g_assert_no_error (error);
  assert_server_info (from_p12, p12);

  /* A password set for every file does not stop a PEM or DER file from loading. */
  g_clear_pointer (&from_pem, lcs_cert_info_free);
  g_clear_pointer (&from_der, lcs_cert_info_free);
  from_pem = lcs_cert_load (pem, "s3cret", &error);
  g_assert_no_error (error);
  assert_server_info (from_pem, pem);
  from_der = lcs_cert_load (der, "s3cret", &error);
  g_assert_no_error (error);
  assert_server_info (from_der, der);
}

static void
assert_unreadable (const char *path,
                   const char *password,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsCertInfo) info = lcs_cert_load (path, password, &error);

  g_test_message ("%s: %s", path, error != NULL ? error->message : "(loaded)");
  g_assert_null (info);
  g_assert_error (error, LCS_CERT_ERROR, LCS_CERT_ERROR_UNREADABLE);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_load_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  const char *p12;
  const char *der;
  const char *empty = certgen_path (gen, "empty.pem");
  const char *text = certgen_path (gen, "notes.txt");
  const char *truncated = certgen_path (gen, "truncated.der");
  const char *broken_pem = certgen_path (gen, "broken.pem");
  const char *missing = certgen_path (gen, "no-such-file.pem");
  const char *renamed = certgen_path (gen, "bad-p12.bin");
  g_autoptr(LcsCertInfo) renamed_info = NULL;
  g_autofree char *der_data = NULL;
  g_autofree char *p12_data = NULL;
  gsize der_length = 0;
  gsize p12_length = 0;

  certgen_make_checked (gen, "bad", SERVER_TEMPLATE);
  p12 = certgen_to_p12 (gen, "bad", "right", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (p12, &p12_data, &p12_length, NULL));
  g_assert_true (g_file_set_contents (renamed, p12_data, p12_length, NULL));
  der = certgen_to_der (gen, "bad", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (der, &der_data, &der_length, NULL));
  g_assert_true (g_file_set_contents (truncated, der_data, der_length / 2, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "not a certificate\nat all\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken_pem, "-----BEGIN CERTIFICATE-----\nAAAA\n"
                                      "-----END CERTIFICATE-----\n", -1, NULL));

  assert_unreadable (p12, "wrong", "password");
  assert_unreadable (renamed, NULL, "password");
  renamed_info = lcs_cert_load (renamed, "right", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renamed_info->subject_cn, ==, "lcs.contoso.com");
  assert_unreadable (p12, NULL, "password");
  assert_unreadable (empty, NULL, "not a readable certificate");
  assert_unreadable (text, NULL, "not a readable certificate");
  assert_unreadable (certgen_key_path (gen), NULL, "not a readable certificate");
  assert_unreadable (truncated, NULL, "not a readable DER certificate");
  assert_unreadable (broken_pem, NULL, "not a readable PEM certificate");
  assert_unreadable (missing, NULL, "no-such-file.pem");
}

static void
test_load_chain_and_key (void)
{
  g_autoptr(GError) error = NULL;
  const char *ca = certgen_make_ca (gen, "ca", "cn = \"Contoso Test CA\"\nca\ncert_signing_key\n"
                                    "expiration_days = 30\n", &error);
  const char *leaf;
  g_autofree char *ca_data = NULL;
  g_autofree char *leaf_data = NULL;
  g_autofree char *key_data = NULL;
  g_autofree char *bundle = NULL;
  const char *bundle_path = certgen_path (gen, "bundle.pem");
  g_autoptr(LcsCertInfo) info = NULL;

  g_assert_no_error (error);
  leaf = certgen_make (gen, "leaf", "ca", "cn = \"lcs.contoso.com\"\n"
                       "dns_name = \"lcs.contoso.com\"\nexpiration_days = 30\ntls_www_server\n",
                       &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ca, &ca_data, NULL, NULL));
  g_assert_true (g_file_get_contents (leaf, &leaf_data, NULL, NULL));
  g_assert_true (g_file_get_contents (certgen_key_path (gen), &key_data, NULL, NULL));
  /* As a Windows export may lay it out: key first, then the certificate, then its issuer. */
  bundle = g_strconcat (key_data, leaf_data, ca_data, NULL);
  g_assert_true (g_file_set_contents (bundle_path, bundle, -1, NULL));

  info = lcs_cert_load (bundle_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->subject_cn, ==, "lcs.contoso.com");
  g_assert_nonnull (strstr (info->issuer, "Contoso Test CA"));
  g_assert_cmpuint (info->chain->len, ==, 1);
  g_assert_cmpstr (((LcsCertInfo *) info->chain->pdata[0])->subject_cn, ==, "Contoso Test CA");
}

/* Generated certificates through the whole check: dates and SAN list from the file. */
static void
test_load_and_check (void)
{
  g_autoptr(LcsProfile) profile = certtest_standard_profile ("strict");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) inside = certtest_date (CERTTEST_INSIDE);
  g_autoptr(GString) long_template = g_string_new (SERVER_TEMPLATE);
  const char *good = certgen_make_checked (gen, "good", SERVER_TEMPLATE);
  const char *expired = certgen_make_checked (gen, "expired",
    "cn = \"lcs.contoso.com\"\n"
    "dns_name = \"lcs.contoso.com\"\ndns_name = \"sip.contoso.com\"\n"
    "dns_name = \"sip.fabrikam.com\"\n"
    "activation_date = \"2018-01-01 00:00:00\"\n"
    "expiration_date = \"2019-01-01 00:00:00\"\n");
  const char *too_long;
  g_autoptr(LcsCertInfo) good_info = lcs_cert_load (good, NULL, &error);
  g_autoptr(LcsCertInfo) expired_info = NULL;
  g_autoptr(LcsCertInfo) long_info = NULL;
  g_autoptr(GPtrArray) good_findings = NULL;
  g_autoptr(GPtrArray) expired_findings = NULL;
  g_autoptr(GPtrArray) long_findings = NULL;
  g_autofree char *long_text = NULL;

  g_assert_no_error (error);
  good_findings = lcs_cert_check (profile, good_info, NULL, inside);
  g_assert_cmpuint (good_findings->len, ==, 0);

  expired_info = lcs_cert_load (expired, NULL, &error);
  g_assert_no_error (error);
  expired_findings = lcs_cert_check (profile, expired_info, NULL, now);
  g_assert_cmpuint (expired_findings->len, ==, 1);
  g_assert_cmpuint (certtest_count_rule (expired_findings, "cert-validity"), ==, 1);

  /* certtool takes some 128 names from a template: make them long. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (long_template,
                            "dns_name = \"sip.domain%04u.northwind-traders.contoso.com\"\n", i);
  too_long = certgen_make_checked (gen, "long", long_template->str);
  long_info = lcs_cert_load (too_long, NULL, &error);
  g_assert_no_error (error);
  long_text = lcs_cert_san_text (long_info);
  g_assert_cmpuint (strlen (long_text), >, LCS_CERT_SAN_LIMIT);
  long_findings = lcs_cert_check (profile, long_info, NULL, inside);
  g_assert_cmpuint (long_findings->len, ==, 1);
  g_assert_cmpint (certtest_find_rule (long_findings, "cert-san-length")->severity, ==,
                   LCS_SEVERITY_ERROR);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cert/load/pem-der-pkcs12", test_load_formats);
  g_test_add_func ("/cert/load/bad-files", test_load_bad_files);
  g_test_add_func ("/cert/load/chain-and-key", test_load_chain_and_key);
  g_test_add_func ("/cert/load/generated-and-checked", test_load_and_check);

  return certgen_run_tests (&gen);
}
