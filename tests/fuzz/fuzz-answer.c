/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A DNS reply as the live check reads it: the first byte picks the question's type (SRV, A,
 * AAAA, CNAME), the rest is the wire-format reply. What it yields is checked like a zone. */
#include "fuzz.h"

#include <lcsdns/check/check.h>
#include <lcsdns/model/record.h>
#include <lcsdns/model/observe.h>

#include "lcs-cares.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint16 types[] = { LCS_TYPE_SRV, LCS_TYPE_A, LCS_TYPE_AAAA, LCS_TYPE_CNAME };
  static const char *const names[] = {
    "_sipinternaltls._tcp.contoso.com", "lcspool.contoso.com", "ap.contoso.com", "sip.contoso.com",
  };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_record_free);
  g_autoptr(LcsObservations) obs = NULL;
  g_autoptr(LcsReport) report = NULL;
  g_autofree char *canonical = NULL;
  guint i;

  if (size < 1 || size - 1 > G_MAXINT)
    return 0;
  if (!lcs_cares_read_answer (data + 1, (int) (size - 1), names[data[0] & 3],
                              types[(data[0] >> 2) & 3], records, &canonical))
    return 0;
  g_assert_nonnull (canonical);
  obs = lcs_observations_new ();
  lcs_observations_add_zone (obs, LCS_VIEW_INTERNAL, "contoso.com.");
  for (i = 0; i < records->len; i++)
    lcs_observations_add_record (obs, LCS_VIEW_INTERNAL, g_ptr_array_index (records, i));
  report = lcs_check_observations (fuzz_profile (), obs, LCS_SOURCE_LIVE);
  return 0;
}
