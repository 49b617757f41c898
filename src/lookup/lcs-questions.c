/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The questions of a live check. A zone check sees every SRV owner of a zone; a live check sees
 * only what it asks, so it asks every SIP service of every generation at its right name and at
 * the names the usual mistakes produce. */
#include "config.h"

#include "lcs-questions.h"

#include <lcsdns/check/check.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/generation.h>
#include <lcsdns/profile/plan.h>

static const char *const internal_only_services[] = { "_sipinternaltls._tcp", "_sipinternal._tcp" };
static const char *const fallback_labels[] = { "sipinternal", "sip", "sipexternal" };

static gboolean
is_internal_only (const char *service_protocol)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (internal_only_services); i++)
    if (g_ascii_strcasecmp (service_protocol, internal_only_services[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_service (GPtrArray  *services,
             const char *service_protocol)
{
  if (!g_ptr_array_find_with_equal_func (services, service_protocol, g_str_equal, NULL))
    g_ptr_array_add (services, (gpointer) service_protocol);
}

/* Every SIP service of every generation, each once; static strings. */
static GPtrArray *
all_services (void)
{
  static GPtrArray *services;

  if (g_once_init_enter (&services))
    {
      GPtrArray *list = g_ptr_array_new ();
      guint i;

      for (i = 0; i < lcs_generations_count (); i++)
        {
          const char *const *it;

          for (it = lcs_plan_sip_services (i); *it != NULL; it++)
            add_service (list, *it);
        }
      for (i = 0; i < G_N_ELEMENTS (internal_only_services); i++)
        add_service (list, internal_only_services[i]);
      g_once_init_leave (&services, list);
    }
  return services;
}

void
lcs_questions_for_host (LcsView          view,
                        const char      *host,
                        LcsQuestionFunc  func,
                        gpointer         user_data)
{
  if (host == NULL || lcs_name_equal (host, ".") || lcs_name_is_address (host)
      || !lcs_name_validate (host, LCS_NAME_HOST, NULL))
    return;
  func (view, host, LCS_TYPE_A, NULL, user_data);
  func (view, host, LCS_TYPE_AAAA, NULL, user_data);
  func (view, host, LCS_TYPE_CNAME, NULL, user_data);
}

static void
ask_service (LcsView          view,
             const char      *service_protocol,
             const char      *domain,
             LcsQuestionFunc  func,
             gpointer         user_data)
{
  g_auto(GStrv) parts = g_strsplit (service_protocol, ".", 2);
  g_autofree char *owner = g_strdup_printf ("%s.%s.", service_protocol, domain);
  g_autoptr(GPtrArray) mistyped = lcs_check_mistyped_names (parts[0], parts[1], domain);
  guint i;

  func (view, owner, LCS_TYPE_SRV, NULL, user_data);
  for (i = 0; i < mistyped->len; i++)
    func (view, g_ptr_array_index (mistyped, i), LCS_TYPE_SRV, NULL, user_data);
}

static void
ask_domain (LcsView          view,
            const char      *domain,
            gboolean         internal_only,
            LcsQuestionFunc  func,
            gpointer         user_data)
{
  GPtrArray *services = all_services ();
  g_autofree char *probe = g_strdup_printf ("lcsdns-probe-%08x%08x.%s.", g_random_int (),
                                            g_random_int (), domain);
  guint i;

  for (i = 0; i < services->len; i++)
    if (view == LCS_VIEW_INTERNAL || internal_only || !is_internal_only (services->pdata[i]))
      ask_service (view, services->pdata[i], domain, func, user_data);
  func (view, probe, LCS_TYPE_A, domain, user_data);
  for (i = 0; i < G_N_ELEMENTS (fallback_labels); i++)
    {
      g_autofree char *host = g_strdup_printf ("%s.%s.", fallback_labels[i], domain);
      func (view, host, LCS_TYPE_A, NULL, user_data);
    }
}

void
lcs_questions_first_round (const LcsProfile *profile,
                           LcsView           view,
                           gboolean          internal_only,
                           LcsQuestionFunc   func,
                           gpointer          user_data)
{
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  guint i;

  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *planned = g_ptr_array_index (plan, i);

      if (planned->view != view)
        continue;
      func (view, planned->name, planned->type, NULL, user_data);
      lcs_questions_for_host (view, planned->type == LCS_TYPE_A ? planned->name : planned->target,
                              func, user_data);
    }
  for (i = 0; i < profile->domains->len; i++)
    ask_domain (view, g_ptr_array_index (profile->domains, i), internal_only, func, user_data);
}

/* Which answers settle a row of the live view: the progressive display shows a row once its
 * questions are answered. */

static gboolean
is_answered (const LcsObservations *obs,
             LcsView                view,
             const char            *name,
             guint16                type)
{
  return lcs_observations_answer (obs, view, name, type) != LCS_ANSWER_UNKNOWN;
}

/* A host's status reads its A and AAAA records (through an alias, which the answers carry). */
static gboolean
host_answered (const LcsObservations *obs,
               LcsView                view,
               const char            *host)
{
  return is_answered (obs, view, host, LCS_TYPE_A) && is_answered (obs, view, host, LCS_TYPE_AAAA);
}

gboolean
lcs_questions_settled (const LcsObservations  *obs,
                       const LcsPlannedRecord *planned)
{
  LcsAnswer answer = lcs_observations_answer (obs, planned->view, planned->name, planned->type);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) mistyped = NULL;

  if (answer == LCS_ANSWER_UNKNOWN)
    return FALSE;
  if (lcs_answer_is_failure (answer))
    return TRUE;
  if (planned->type != LCS_TYPE_SRV)
    return host_answered (obs, planned->view, planned->name);
  found = lcs_observations_lookup (obs, planned->view, planned->name, LCS_TYPE_SRV);
  if (found->len > 0)
    return host_answered (obs, planned->view, planned->target);
  mistyped = lcs_check_mistyped_names (planned->service, planned->protocol, planned->domain);
  for (guint i = 0; i < mistyped->len; i++)
    if (!is_answered (obs, planned->view, g_ptr_array_index (mistyped, i), LCS_TYPE_SRV))
      return FALSE;
  return TRUE;
}
