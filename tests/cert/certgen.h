/* Test helper: certificates made at run time with certtool (gnutls-bin), in a temporary folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CertGen CertGen;

/* A temporary folder with one ECDSA key in it; NULL with @error when certtool is missing. */
CertGen    *certgen_new        (GError **error);
/* Removes the folder and everything in it. */
void        certgen_free       (CertGen *gen);

const char *certgen_dir        (const CertGen *gen);
const char *certgen_key_path   (const CertGen *gen);

/* Writes @template_text (certtool template lines: cn, dns_name, expiration_days, …) and makes
 * "<name>.pem", self-signed with the folder's key, or signed by the CA @ca_name made by
 * certgen_make_ca. Returns the PEM path (owned by @gen). */
const char *certgen_make       (CertGen    *gen,
                                const char *name,
                                const char *ca_name,
                                const char *template_text,
                                GError    **error);

/* g_test_run with *@gen made first (in a fresh temporary folder) for the tests to use, and freed
 * after; the tests are added beforehand. Its exit status. */
int         certgen_run_tests  (CertGen   **gen);

/* certgen_make of a self-signed certificate for a test, which fails when it cannot be made. */
const char *certgen_make_checked (CertGen    *gen,
                                  const char *name,
                                  const char *template_text);

/* A CA with a key of its own ("<name>.key"); @template_text should say "ca" and
 * "cert_signing_key". Returns the PEM path. */
const char *certgen_make_ca    (CertGen    *gen,
                                const char *name,
                                const char *template_text,
                                GError    **error);

/* "<name>.der" from "<name>.pem". */
const char *certgen_to_der     (CertGen    *gen,
                                const char *name,
                                GError    **error);

/* "<name>.p12" from "<name>.pem" and the folder's key, encrypted with @password. */
const char *certgen_to_p12     (CertGen    *gen,
                                const char *name,
                                const char *password,
                                GError    **error);

/* A path in the folder for a file the test writes itself; owned by @gen. */
const char *certgen_path       (CertGen    *gen,
                                const char *file_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertGen, certgen_free)

G_END_DECLS
