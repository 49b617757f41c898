/* The check on observations: every required record's status and every finding that DNS data
 * decides, the same whether the data came from zone files or from servers. */
#include <lcsdns/check/check.h>

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <string.h>

typedef struct {
  const LcsProfile      *profile;
  const LcsObservations *obs;
  LcsReport             *report;
  LcsView                view;
  GPtrArray             *plan;
  GHashTable            *planned;    /* per view, the names the plan holds (a set) */
  GHashTable            *misplaced;  /* intended owner → observed owner */
} Run;

static char *
planned_key (LcsView     view,
             const char *name)
{
  return g_strdup_printf ("%d %s", view, name);
}

/* Asked for every SRV record found, so looked up in a set rather than by scanning the plan. */
static gboolean
is_planned (const Run  *run,
            LcsView     view,
            const char *name)
{
  g_autofree char *key = planned_key (view, name);

  return g_hash_table_contains (run->planned, key);
}

static GHashTable *
planned_names (GPtrArray *plan)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *planned = g_ptr_array_index (plan, i);
      g_hash_table_add (names, planned_key (planned->view, planned->name));
    }
  return names;
}

static void
add (Run        *run,
     LcsFinding *finding)
{
  lcs_report_add_finding (run->report, finding);
}

static const char *
expected_address (const Run *run)
{
  return run->view == LCS_VIEW_EXTERNAL ? run->profile->edge_ip : run->profile->pool_ip;
}

static gboolean
same_address (const char *a,
              const char *b)
{
  g_autoptr(GInetAddress) x = a ? g_inet_address_new_from_string (a) : NULL;
  g_autoptr(GInetAddress) y = b ? g_inet_address_new_from_string (b) : NULL;

  return x && y && g_inet_address_equal (x, y);
}

static const LcsMember *
member_with_address (const LcsProfile *profile,
                     const char       *address)
{
  guint i;

  for (i = 0; i < profile->members->len; i++)
    {
      const LcsMember *member = g_ptr_array_index (profile->members, i);
      if (same_address (member->address, address))
        return member;
    }
  return NULL;
}

static void
append_addresses (Run        *run,
                  GPtrArray  *into,
                  const char *name)
{
  static const guint16 types[] = { LCS_TYPE_A, LCS_TYPE_AAAA };
  gsize t;
  guint i;

  for (t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GPtrArray) found = lcs_observations_lookup (run->obs, run->view, name, types[t]);
      for (i = 0; i < found->len; i++)
        g_ptr_array_add (into, g_ptr_array_index (found, i));
    }
}

/* The A and AAAA records of @name, through one alias (CNAME) as a resolver would follow it. */
static GPtrArray *
addresses_of (Run        *run,
              const char *name)
{
  GPtrArray *addresses = g_ptr_array_new ();
  g_autoptr(GPtrArray) aliases = NULL;

  append_addresses (run, addresses, name);
  if (addresses->len > 0)
    return addresses;
  aliases = lcs_observations_lookup (run->obs, run->view, name, LCS_TYPE_CNAME);
  if (aliases->len > 0)
    append_addresses (run, addresses, ((LcsRecord *) g_ptr_array_index (aliases, 0))->target);
  return addresses;
}

/* Target of an SIP SRV record: alias, address records, and the addresses they hold. */
static void
check_target (Run             *run,
              const LcsRecord *srv)
{
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GPtrArray) addresses = NULL;
  LcsAnswer answer;
  LcsFinding *finding;
  guint i;

  g_autofree char *bare = g_strndup (srv->target, strlen (srv->target) - 1);

  /* "." and a non-name (an IP written as a target) are srv-target-dot / -syntax already. */
  if (strcmp (srv->target, ".") == 0 || !lcs_name_validate (srv->target, LCS_NAME_HOST, NULL) ||
      lcs_name_is_address (bare))
    return;
  aliases = lcs_observations_lookup (run->obs, run->view, srv->target, LCS_TYPE_CNAME);
  if (aliases->len > 0)
    {
      const LcsRecord *alias = g_ptr_array_index (aliases, 0);
      finding = lcs_finding_new ("srv-target-cname", run->view, srv->owner,
                                 "target %s is an alias (CNAME) of %s", srv->target, alias->target);
      lcs_finding_set_fix (finding, "Host offering this service: %s", alias->target);
      add (run, finding);
      return;
    }
  addresses = addresses_of (run, srv->target);
  if (addresses->len == 0)
    {
      answer = lcs_observations_answer (run->obs, run->view, srv->target, LCS_TYPE_A);
      if (answer == LCS_ANSWER_UNKNOWN)
        add (run, lcs_finding_new ("srv-target-unchecked", run->view, srv->owner,
                                   "target %s lies outside the loaded zones", srv->target));
      else if (!lcs_answer_is_failure (answer))
        {
          finding = lcs_finding_new ("srv-target-unresolved", run->view, srv->owner,
                                     "target %s has no A or AAAA record (%s)", srv->target,
                                     lcs_answer_to_string (answer));
          lcs_finding_set_fix (finding, "create %s A %s", srv->target, expected_address (run));
          add (run, finding);
        }
      return;
    }
  for (i = 0; i < addresses->len; i++)
    if (same_address (((LcsRecord *) g_ptr_array_index (addresses, i))->address,
                      expected_address (run)))
      return;
  {
    const LcsRecord *first = g_ptr_array_index (addresses, 0);

    /* A required host's wrong address (or a pool on a member's: pool-vip) is reported once,
     * by the check of that host's record. */
    if (is_planned (run, run->view, srv->target) ||
        (run->view == LCS_VIEW_INTERNAL && member_with_address (run->profile, first->address)))
      return;
    finding = lcs_finding_new ("srv-target-address", run->view, srv->owner,
                               "target %s has address %s; the profile's %s is %s", srv->target,
                               first->address,
                               run->view == LCS_VIEW_EXTERNAL ? "edge IP" : "pool IP",
                               expected_address (run));
    lcs_finding_set_fix (finding, "change %s A to %s", srv->target, expected_address (run));
    add (run, finding);
  }
}

static void
check_observed_srv (const LcsRecord *record,
                    gpointer         user_data)
{
  Run *run = user_data;
  const char *zone = lcs_observations_zone_for (run->obs, run->view, record->owner);
  g_autofree char *intended = NULL;
  g_autoptr(GPtrArray) form = lcs_srv_record_check (record->owner, record->priority,
                                                    record->weight, record->port, record->target,
                                                    zone, run->view, run->profile, &intended);

  /* Outside, only the external records matter; internal-only ones are dns-split-view. */
  if (intended == NULL ||
      (run->view == LCS_VIEW_EXTERNAL && !is_planned (run, run->view, intended)))
    return;
  /* The findings move to the report as they are. */
  while (form->len > 0)
    add (run, g_ptr_array_steal_index (form, 0));
  if (strcmp (intended, record->owner) != 0)
    {
      LcsFinding *finding = lcs_finding_new ("record-misplaced", run->view, record->owner,
                                             "SRV %s sits at %s; clients ask for %s",
                                             record->rdata, record->owner, intended);
      lcs_finding_set_fix (finding, "delete it and create %s SRV %s", intended, record->rdata);
      add (run, finding);
      g_hash_table_insert (run->misplaced, g_strdup (intended), g_strdup (record->owner));
    }
  check_target (run, record);
}

static gboolean
srv_matches (const LcsPlannedRecord *planned,
             const LcsRecord        *record)
{
  return record->port == planned->port && lcs_name_equal (record->target, planned->target) &&
         record->priority == planned->priority && record->weight == planned->weight;
}

static void
add_missing (Run                    *run,
             const LcsPlannedRecord *planned,
             LcsAnswer               answer)
{
  g_autofree char *data = lcs_planned_record_data (planned);
  g_autofree char *primary_host = NULL;
  const char *primary = g_ptr_array_index (run->profile->domains, 0);
  LcsFinding *finding;

  primary_host = lcs_profile_host_for_domain (run->profile, planned->domain);
  if (planned->type == LCS_TYPE_A && run->view == LCS_VIEW_INTERNAL &&
      strcmp (planned->domain, primary) != 0 && lcs_name_equal (planned->name, primary_host) &&
      !lcs_name_equal (planned->name, run->profile->pool))
    {
      finding = lcs_finding_new ("host-per-domain", run->view, planned->name,
                                 "%s has no host record of its own: %s A %s is missing",
                                 planned->domain, planned->name, planned->address);
      lcs_finding_set_fix (finding, "create %s A %s (same IP as the pool)", planned->name,
                           planned->address);
      add (run, finding);
      return;
    }
  if (answer == LCS_ANSWER_UNKNOWN)
    finding = lcs_finding_new ("record-missing", run->view, planned->name,
                               "%s %s %s: no loaded zone holds %s", planned->name,
                               lcs_type_to_string (planned->type), data, planned->domain);
  else
    finding = lcs_finding_new ("record-missing", run->view, planned->name,
                               "%s %s %s is missing (%s)", planned->name,
                               lcs_type_to_string (planned->type), data,
                               lcs_answer_to_string (answer));
  lcs_finding_set_fix (finding, "create %s %s %s", planned->name,
                       lcs_type_to_string (planned->type), data);
  add (run, finding);
}

static void
check_address_record (Run                    *run,
                      const LcsPlannedRecord *planned,
                      LcsRecordResult        *result,
                      GPtrArray              *found)
{
  const LcsRecord *first = g_ptr_array_index (found, 0);
  const LcsMember *member;
  LcsFinding *finding;
  guint i;

  for (i = 0; i < found->len; i++)
    if (same_address (((LcsRecord *) g_ptr_array_index (found, i))->address, planned->address))
      {
        result->status = LCS_STATUS_OK;
        return;
      }
  result->status = LCS_STATUS_MISMATCH;
  member = run->profile->edition == LCS_EDITION_ENTERPRISE && run->view == LCS_VIEW_INTERNAL
           ? member_with_address (run->profile, first->address) : NULL;
  if (member != NULL)
    {
      finding = lcs_finding_new ("pool-vip", run->view, planned->name,
                                 "%s points at member server %s (%s), not the pool's virtual IP %s",
                                 planned->name, member->fqdn, first->address, planned->address);
      lcs_finding_set_fix (finding, "change %s A to %s", planned->name, planned->address);
    }
  else
    {
      finding = lcs_finding_new ("srv-target-address", run->view, planned->name,
                                 "%s has address %s; the profile says %s", planned->name,
                                 first->address, planned->address);
      lcs_finding_set_fix (finding, "change %s A to %s", planned->name, planned->address);
    }
  add (run, finding);
}

static void
check_planned (Run                    *run,
               const LcsPlannedRecord *planned)
{
  LcsRecordResult *result = lcs_report_add_result (run->report, planned, LCS_STATUS_MISSING);
  LcsAnswer answer = lcs_observations_answer (run->obs, run->view, planned->name, planned->type);
  gboolean is_host = planned->type != LCS_TYPE_SRV;
  g_autoptr(GPtrArray) found = is_host ? addresses_of (run, planned->name)
                                       : lcs_observations_lookup (run->obs, run->view,
                                                                  planned->name, planned->type);
  const char *misplaced_at;
  guint i;

  for (i = 0; i < found->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (found, i);
      g_ptr_array_add (result->found, g_strdup (record->rdata));
    }

  if (lcs_answer_is_failure (answer))
    {
      result->status = LCS_STATUS_FAILED;
      return;
    }
  if (found->len == 0)
    {
      misplaced_at = g_hash_table_lookup (run->misplaced, planned->name);
      if (misplaced_at != NULL)
        {
          result->status = LCS_STATUS_MISPLACED;
          result->misplaced_at = g_strdup (misplaced_at);
        }
      else
        add_missing (run, planned, answer);
      return;
    }
  if (is_host)
    {
      check_address_record (run, planned, result, found);
      return;
    }

  result->status = LCS_STATUS_MISMATCH;
  for (i = 0; i < found->len; i++)
    if (srv_matches (planned, g_ptr_array_index (found, i)))
      result->status = LCS_STATUS_OK;
  if (result->status == LCS_STATUS_OK)
    {
      g_autoptr(GPtrArray) a = addresses_of (run, planned->target);
      if (a->len == 0 && lcs_observations_answer (run->obs, run->view, planned->target,
                                                   LCS_TYPE_A) != LCS_ANSWER_UNKNOWN)
        result->status = LCS_STATUS_UNRESOLVED;
    }
}

/* Only one pool may carry a domain's sign-in SRV record. */
static void
check_duplicate_signin (Run        *run,
                        const char *domain)
{
  static const char *const signin[] = { "_sipinternaltls._tcp", "_sipinternal._tcp" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (signin); i++)
    {
      g_autofree char *owner = g_strdup_printf ("%s.%s.", signin[i], domain);
      g_autoptr(GPtrArray) found = lcs_observations_lookup (run->obs, run->view, owner,
                                                           LCS_TYPE_SRV);
      g_autoptr(GHashTable) pools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GString *targets = g_string_new (NULL);
      guint j;

      for (j = 0; j < found->len; j++)
        {
          const LcsRecord *record = g_ptr_array_index (found, j);
          g_autoptr(GPtrArray) a = addresses_of (run, record->target);
          /* Two names on one address, or an alias of the pool, are one pool. */
          const char *key = a->len ? ((LcsRecord *) g_ptr_array_index (a, 0))->address
                                   : record->target;
          g_hash_table_add (pools, g_strdup (key));
          g_string_append_printf (targets, "%s%s", j ? ", " : "", record->target);
        }
      if (g_hash_table_size (pools) > 1)
        {
          LcsFinding *finding = lcs_finding_new ("srv-duplicate-signin", run->view, owner,
                                                 "%s points at %u pools: %s", owner,
                                                 g_hash_table_size (pools), targets->str);
          lcs_finding_set_fix (finding, "keep only the record for %s", run->profile->pool);
          add (run, finding);
        }
      g_string_free (targets, TRUE);
    }
}

static void
check_fallback (Run        *run,
                const char *domain)
{
  static const char *const labels[] = { "sipinternal", "sip", "sipexternal" };
  GString *present = g_string_new (NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s.", labels[i], domain);
      g_autoptr(GPtrArray) a = lcs_observations_lookup (run->obs, run->view, name, LCS_TYPE_A);

      if (a->len > 0)
        g_string_append_printf (present, "%s%s", present->len ? ", " : "", name);
    }
  {
    g_autofree char *apex = g_strdup_printf ("%s.", domain);
    add (run, lcs_finding_new ("fallback-a", run->view, apex,
                               "fallback host names without SRV: %s", present->len ? present->str
                                                                                   : "none"));
  }
  g_string_free (present, TRUE);
}

/* Failures of one kind at one server: one finding, so a dead server is one line, not fifty. */
typedef struct {
  LcsAnswer  answer;
  char      *server;
  char      *first_name;
  guint16    first_type;
  guint      count;
} FailureGroup;

static void
failure_group_free (FailureGroup *group)
{
  g_free (group->server);
  g_free (group->first_name);
  g_free (group);
}

static void
collect_failure (const char *name,
                 guint16     type,
                 LcsAnswer   answer,
                 const char *server,
                 gpointer    user_data)
{
  GHashTable *groups = user_data;
  g_autofree char *key = g_strdup_printf ("%d %s", answer, server ? server : "");
  FailureGroup *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_new0 (FailureGroup, 1);
      group->answer = answer;
      group->server = g_strdup (server);
      g_hash_table_insert (groups, g_steal_pointer (&key), group);
    }
  /* The smallest name stands for the group, so the report does not depend on hash order. */
  if (group->first_name == NULL || g_strcmp0 (name, group->first_name) < 0)
    {
      g_free (group->first_name);
      group->first_name = g_strdup (name);
      group->first_type = type;
    }
  group->count++;
}

static void
add_failures (Run *run)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) failure_group_free);
  GHashTableIter iter;
  gpointer value;

  lcs_observations_foreach_failure (run->obs, run->view, collect_failure, groups);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const FailureGroup *group = value;
      g_autofree char *others = group->count > 1
                                ? g_strdup_printf (" and %u more questions", group->count - 1)
                                : g_strdup ("");
      LcsFinding *finding = lcs_finding_new ("dns-lookup-failed", run->view, group->first_name,
                                             "%s: %s %s%s%s%s", lcs_answer_to_string (group->answer),
                                             group->first_name,
                                             lcs_type_to_string (group->first_type), others,
                                             group->server ? " at " : "",
                                             group->server ? group->server : "");
      add (run, finding);
    }
}

static void
check_wildcards (Run *run)
{
  GHashTable *probed = lcs_observations_wildcards (run->obs, run->view);
  GHashTableIter iter;
  gpointer domain, probe;
  guint i;

  /* A zone file shows its wildcard as an owner; a live check finds it by probing. */
  for (i = 0; i < run->profile->domains->len; i++)
    {
      const char *name = g_ptr_array_index (run->profile->domains, i);
      g_autofree char *star = g_strdup_printf ("*.%s.", name);
      g_autofree char *apex = g_strdup_printf ("%s.", name);
      g_autoptr(GPtrArray) wild = lcs_observations_lookup (run->obs, run->view, star, 0);

      if (wild->len > 0 && !g_hash_table_contains (probed, apex))
        add (run, lcs_finding_new ("dns-wildcard", run->view, apex,
                                   "%s holds a wildcard (%s): names that seem present may come "
                                   "from it", apex, star));
    }

  g_hash_table_iter_init (&iter, probed);
  while (g_hash_table_iter_next (&iter, &domain, &probe))
    add (run, lcs_finding_new ("dns-wildcard", run->view, domain,
                               "%s answers for the random name %s: presence results for %s "
                               "cannot be trusted", (char *) domain, (char *) probe,
                               (char *) domain));
}

/* Internal-only records seen by the external servers, and shared records that differ. */
static void
check_split_view (Run        *run,
                  GPtrArray  *plan)
{
  static const char *const internal_only[] = { "_sipinternaltls._tcp", "_sipinternal._tcp" };
  guint i;
  gsize j;

  for (i = 0; i < run->profile->domains->len; i++)
    for (j = 0; j < G_N_ELEMENTS (internal_only); j++)
      {
        const char *domain = g_ptr_array_index (run->profile->domains, i);
        g_autofree char *owner = g_strdup_printf ("%s.%s.", internal_only[j], domain);
        g_autoptr(GPtrArray) leak = lcs_observations_lookup (run->obs, LCS_VIEW_EXTERNAL, owner,
                                                            LCS_TYPE_SRV);
        if (leak->len > 0)
          {
            LcsFinding *finding = lcs_finding_new ("dns-split-view", LCS_VIEW_EXTERNAL, owner,
                                                   "the external DNS publishes the internal-only "
                                                   "record %s", owner);
            lcs_finding_set_fix (finding, "delete %s from the external zone", owner);
            add (run, finding);
          }
      }

  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *planned = g_ptr_array_index (plan, i);
      g_autoptr(GPtrArray) inside = NULL;
      g_autoptr(GPtrArray) outside = NULL;
      gboolean agree = FALSE;
      guint k, m;

      /* A name planned in both views (LCS 2005's _sip._tls) differs by design. */
      if (planned->view != LCS_VIEW_EXTERNAL || planned->type != LCS_TYPE_SRV ||
          is_planned (run, LCS_VIEW_INTERNAL, planned->name))
        continue;
      inside = lcs_observations_lookup (run->obs, LCS_VIEW_INTERNAL, planned->name, LCS_TYPE_SRV);
      outside = lcs_observations_lookup (run->obs, LCS_VIEW_EXTERNAL, planned->name, LCS_TYPE_SRV);
      if (inside->len == 0 || outside->len == 0)
        continue;
      for (k = 0; k < inside->len; k++)
        for (m = 0; m < outside->len; m++)
          agree = agree || g_strcmp0 (((LcsRecord *) g_ptr_array_index (inside, k))->rdata,
                                      ((LcsRecord *) g_ptr_array_index (outside, m))->rdata) == 0;
      if (!agree)
        add (run, lcs_finding_new ("dns-split-view", LCS_VIEW_EXTERNAL, planned->name,
                                   "internal DNS gives %s, external DNS %s",
                                   ((LcsRecord *) g_ptr_array_index (inside, 0))->rdata,
                                   ((LcsRecord *) g_ptr_array_index (outside, 0))->rdata));
    }
}

static void
check_view (Run       *run,
            GPtrArray *plan)
{
  guint i;

  lcs_observations_foreach (run->obs, run->view, LCS_TYPE_SRV, check_observed_srv, run);
  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *planned = g_ptr_array_index (plan, i);
      if (planned->view == run->view)
        check_planned (run, planned);
    }
  for (i = 0; i < run->profile->domains->len; i++)
    {
      const char *domain = g_ptr_array_index (run->profile->domains, i);

      if (run->view == LCS_VIEW_INTERNAL)
        {
          check_duplicate_signin (run, domain);
          check_fallback (run, domain);
        }
    }
  check_wildcards (run);
  add_failures (run);
}

LcsReport *
lcs_check_observations (const LcsProfile      *profile,
                        const LcsObservations *obs,
                        LcsSourceKind          kind)
{
  LcsReport *report = lcs_report_new (kind);
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  g_autoptr(GHashTable) planned = planned_names (plan);
  Run run = { profile, obs, report, LCS_VIEW_INTERNAL, plan, planned, NULL };

  run.misplaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  check_view (&run, plan);
  if (profile->edge != NULL && lcs_observations_has_view (obs, LCS_VIEW_EXTERNAL))
    {
      g_hash_table_remove_all (run.misplaced);
      run.view = LCS_VIEW_EXTERNAL;
      check_view (&run, plan);
      check_split_view (&run, plan);
    }
  g_hash_table_unref (run.misplaced);
  lcs_report_sort (report);
  return report;
}
