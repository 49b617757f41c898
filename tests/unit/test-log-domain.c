/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each library logs under its own domain (config.h): a critical raised inside the core, the
 * lookup engine or lcsdns-check's modes names where it comes from. */
#include "config.h"

#include <lcsdns/zone/zone.h>

#include "certificate.h"
#if HAVE_LOOKUP
#include "lcs-lookup.h"
#endif

static void
test_core (void)
{
  g_test_expect_message ("lcsdns-core", G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_false (lcs_zone_read (NULL, NULL, NULL, NULL, NULL, NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_cli (void)
{
  const LcsCliCertArgs nothing = { NULL, NULL, NULL, 0 };

  g_test_expect_message ("lcsdns-check", G_LOG_LEVEL_CRITICAL, "*args->path != NULL*");
  g_assert_null (lcs_cli_cert_report (NULL, &nothing, NULL, NULL));
  g_test_assert_expected_messages ();
}

#if HAVE_LOOKUP
static void
test_lookup (void)
{
  g_test_expect_message ("lcsdns-lookup", G_LOG_LEVEL_CRITICAL, "*LCS_IS_LOOKUP*");
  lcs_lookup_run_async (NULL, NULL, NULL, NULL);
  g_test_assert_expected_messages ();
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/log-domain/core", test_core);
  g_test_add_func ("/log-domain/cli", test_cli);
#if HAVE_LOOKUP
  g_test_add_func ("/log-domain/lookup", test_lookup);
#endif
  return g_test_run ();
}
