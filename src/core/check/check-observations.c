/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check on observations: every required record's status and every finding that DNS data
 * decides, the same whether the data came from zone files or from servers. */
#include "config.h"

#include "check-private.h"

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <string.h>

/* The A and AAAA records a name resolves to, and whether they hold the address the profile
 * expects there: a zone may hold thousands of SRV records that share one target, so each target
 * is read once (n log n in the number of records, not SRV records × addresses). */
typedef struct {
  GPtrArray *records;         /* const LcsRecord*, borrowed from the observations */
  gint       holds_expected;  /* -1: not asked yet */
} Addresses;

typedef struct {
  const LcsProfile      *profile;
  const LcsObservations *obs;
  LcsReport             *report;
  LcsView                view;
  GPtrArray             *plan;
  GHashTable            *planned;    /* per view, the names the plan holds (a set) */
  GHashTable            *misplaced;  /* intended owner → observed owner */
  GHashTable            *addresses;  /* name → Addresses*, this view's, read once per name */
  LcsOtherDomains       *others;     /* SIP records of domains not in the profile */
  LcsSrvOwner           *srv_owner;  /* the owner of the last SRV record read, read once */
  Addresses              none;       /* of every name without addresses; never changed */
} Run;

static void
addresses_free (Addresses *addresses)
{
  g_ptr_array_unref (addresses->records);
  g_free (addresses);
}

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

/* Whether a finding of @rule in this view is still listed; once the cap is reached, it is only
 * counted, and not built (a zone can hold 200,000 SRV records with one mistake each). */
static gboolean
listed (Run        *run,
        const char *rule)
{
  return !lcs_report_count_unlisted (run->report, rule, run->view);
}

/* The address an SRV target should have: the edge's outside, the pool's first inside. */
static const char *
expected_address (const Run *run)
{
  g_autoptr(GPtrArray) pool = NULL;

  if (run->view == LCS_VIEW_EXTERNAL)
    return run->profile->edge_ip;
  pool = lcs_profile_pool_addresses (run->profile);
  return pool->len > 0 ? g_ptr_array_index (pool, 0) : NULL;
}

static const LcsMember *
member_with_address (const LcsProfile *profile,
                     const char       *address)
{
  guint i;

  for (i = 0; i < profile->members->len; i++)
    {
      const LcsMember *member = g_ptr_array_index (profile->members, i);
      if (lcs_address_equal (member->address, address))
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

/* The A and AAAA records of @name, through one alias (CNAME) as a resolver would follow it;
 * owned by @run. Only names that have some are kept: looking up a name without any again costs
 * one to three index lookups, while keeping it cost ~100 bytes (200,000 SRV targets without
 * addresses at one owner held 20 MB). */
static Addresses *
addresses_of (Run        *run,
              const char *name)
{
  Addresses *addresses = g_hash_table_lookup (run->addresses, name);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) aliases = NULL;

  if (addresses != NULL)
    return addresses;
  /* Most often asked about a name that holds nothing at all: one index lookup tells. */
  if (!lcs_observations_holds (run->obs, run->view, name))
    return &run->none;
  records = g_ptr_array_new ();
  append_addresses (run, records, name);
  if (records->len == 0)
    {
      aliases = lcs_observations_lookup (run->obs, run->view, name, LCS_TYPE_CNAME);
      if (aliases->len > 0)
        append_addresses (run, records, ((LcsRecord *) g_ptr_array_index (aliases, 0))->target);
    }
  if (records->len == 0)
    return &run->none;
  addresses = g_new0 (Addresses, 1);
  addresses->records = g_steal_pointer (&records);
  addresses->holds_expected = -1;
  g_hash_table_insert (run->addresses, g_strdup (name), addresses);
  return addresses;
}

/* An internal SRV record that names one Front End of an Enterprise pool instead of the pool:
 * reported here, as its address may well be right (DNS balancing gives the pool that address). */
static gboolean
names_member (Run             *run,
              const LcsRecord *srv)
{
  const LcsProfile *profile = run->profile;
  LcsFinding *finding;
  guint i;

  if (run->view != LCS_VIEW_INTERNAL || profile->edition != LCS_EDITION_ENTERPRISE ||
      profile->pool == NULL || lcs_name_equal (srv->target, profile->pool))
    return FALSE;
  for (i = 0; i < profile->members->len; i++)
    {
      const LcsMember *member = g_ptr_array_index (profile->members, i);

      if (!lcs_name_equal (srv->target, member->fqdn))
        continue;
      finding = lcs_finding_new ("srv-target-member", run->view, srv->owner,
                                 "%s names Front End %s, not the pool %s: clients depend on that "
                                 "one server", srv->owner, srv->target, profile->pool);
      lcs_finding_set_fix (finding, "Host offering this service: %s.", profile->pool);
      add (run, finding);
      return TRUE;
    }
  return FALSE;
}

/* Whether one of @records holds @address. Records hold addresses in canonical text (the zone
 * reader and the lookup both write them with g_inet_address_to_string), so one parse of
 * @address and string comparisons do. */
static gboolean
records_hold (GPtrArray  *records,
              const char *address)
{
  g_autoptr(GInetAddress) parsed = address ? g_inet_address_new_from_string (address) : NULL;
  g_autofree char *canonical = parsed ? g_inet_address_to_string (parsed) : NULL;
  guint i;

  for (i = 0; canonical != NULL && i < records->len; i++)
    if (g_strcmp0 (((const LcsRecord *) g_ptr_array_index (records, i))->address, canonical) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @records hold an address the view's SRV targets may have: the edge's outside; inside
 * the pool's, which with DNS balancing is any Front End's. */
static gboolean
holds_expected_address (const Run *run,
                        GPtrArray *records)
{
  g_autoptr(GPtrArray) pool = NULL;
  guint i;

  if (run->view == LCS_VIEW_EXTERNAL)
    return records_hold (records, run->profile->edge_ip);
  pool = lcs_profile_pool_addresses (run->profile);
  for (i = 0; i < pool->len; i++)
    if (records_hold (records, g_ptr_array_index (pool, i)))
      return TRUE;
  return FALSE;
}

/* Target of an SIP SRV record: alias, address records, and the addresses they hold. */
static void
check_target (Run             *run,
              const LcsRecord *srv)
{
  g_autoptr(GPtrArray) aliases = NULL;
  Addresses *addresses;
  LcsAnswer answer;
  LcsFinding *finding;

  g_autofree char *bare = g_strndup (srv->target, strlen (srv->target) - 1);

  /* "." and a non-name (an IP written as a target) are srv-target-dot / -syntax already. */
  if (strcmp (srv->target, ".") == 0 || !lcs_name_validate (srv->target, LCS_NAME_HOST, NULL) ||
      lcs_name_is_address (bare))
    return;
  if (names_member (run, srv))
    return;
  aliases = lcs_observations_lookup (run->obs, run->view, srv->target, LCS_TYPE_CNAME);
  if (aliases->len > 0 && !listed (run, "srv-target-cname"))
    return;
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
  if (addresses->records->len == 0)
    {
      answer = lcs_observations_answer (run->obs, run->view, srv->target, LCS_TYPE_A);
      if (answer == LCS_ANSWER_UNKNOWN && !listed (run, "srv-target-unchecked"))
        return;
      if (answer == LCS_ANSWER_UNKNOWN)
        add (run, lcs_finding_new ("srv-target-unchecked", run->view, srv->owner,
                                   "target %s lies outside the loaded zones", srv->target));
      else if (!lcs_answer_is_failure (answer) && listed (run, "srv-target-unresolved"))
        {
          finding = lcs_finding_new ("srv-target-unresolved", run->view, srv->owner,
                                     "target %s has no A or AAAA record (%s)", srv->target,
                                     lcs_answer_to_string (answer));
          lcs_finding_set_fix (finding, "create %s A %s", srv->target, expected_address (run));
          add (run, finding);
        }
      return;
    }
  if (addresses->holds_expected < 0)
    addresses->holds_expected = holds_expected_address (run, addresses->records);
  if (addresses->holds_expected)
    return;
  {
    const LcsRecord *first = g_ptr_array_index (addresses->records, 0);

    /* A required host's wrong address (or a pool on a member's: pool-vip) is reported once,
     * by the check of that host's record. */
    if (is_planned (run, run->view, srv->target) ||
        (run->view == LCS_VIEW_INTERNAL && member_with_address (run->profile, first->address)) ||
        !listed (run, "srv-target-address"))
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
check_observed_srv (const LcsRecord *observed,
                    gpointer         user_data)
{
  Run *run = user_data;
  const char *zone = lcs_observations_zone_for (run->obs, run->view, observed->owner);
  g_autofree char *other = lcs_check_other_sip_domain (run->profile, observed->owner);
  g_autofree char *meant = NULL;
  const char *intended;
  g_autoptr(GPtrArray) form = NULL;
  LcsRecord as_meant = *observed;
  const LcsRecord *record = &as_meant;

  if (other != NULL)
    {
      lcs_other_domains_add (run->others, zone, other);
      return;
    }
  /* A target written without its final dot is srv-target-relative: the rest of the checks look
   * at the name that was meant, so that none suggests creating the doubled one. */
  meant = lcs_check_meant_target (run->obs, run->view, run->profile->domains, observed->owner,
                                  observed->target);
  if (meant != NULL)
    as_meant.target = meant;
  /* Records at one owner usually follow each other: what the owner says is read once. */
  if (run->srv_owner == NULL || !lcs_srv_owner_is (run->srv_owner, record->owner, zone))
    {
      g_clear_pointer (&run->srv_owner, lcs_srv_owner_free);
      run->srv_owner = lcs_srv_owner_new (record->owner, zone, run->view, run->profile);
    }
  form = lcs_srv_owner_check (run->srv_owner, record->priority, record->weight, record->port,
                              record->target);
  intended = lcs_srv_owner_intended (run->srv_owner);

  /* A planned record of another service (_xmpp-server) is checked where it is. */
  if (intended == NULL && is_planned (run, run->view, record->owner))
    intended = record->owner;
  /* Outside, only the external records matter; internal-only ones are dns-split-view. */
  if (intended == NULL ||
      (run->view == LCS_VIEW_EXTERNAL && !is_planned (run, run->view, intended)))
    return;
  /* The findings move to the report as they are. */
  while (form->len > 0)
    add (run, g_ptr_array_steal_index (form, 0));
  if (strcmp (intended, record->owner) != 0)
    {
      if (listed (run, "record-misplaced"))
        {
          LcsFinding *finding = lcs_finding_new ("record-misplaced", run->view, record->owner,
                                                 "SRV %s sits at %s; clients ask for %s",
                                                 record->rdata, record->owner, intended);
          finding->type = record->type;
          lcs_finding_set_fix (finding, "delete it and create %s SRV %s", intended,
                               record->rdata);
          add (run, finding);
        }
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
      finding->type = planned->type;
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
  finding->type = planned->type;
  lcs_finding_set_fix (finding, "create %s %s %s", planned->name,
                       lcs_type_to_string (planned->type), data);
  /* Lync 2013 and later clients find the pool through lyncdiscoverinternal; the SRV record is
   * for older clients and desk phones, which the profile says are gone. */
  if (planned->recommended)
    {
      g_autofree char *message = finding->message;
      finding->severity = LCS_SEVERITY_INFO;
      finding->message = g_strdup_printf ("%s; recommended: only clients older than Lync 2013 "
                                          "and desk phones need it", message);
    }
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

  if (records_hold (found, planned->address))
    {
      result->status = LCS_STATUS_OK;
      return;
    }
  result->status = LCS_STATUS_MISMATCH;
  /* With DNS balancing a member's address on the pool's name is right, so no pool-vip. */
  member = run->profile->edition == LCS_EDITION_ENTERPRISE && run->view == LCS_VIEW_INTERNAL &&
           lcs_profile_balancing (run->profile) == LCS_BALANCING_HARDWARE
           ? member_with_address (run->profile, first->address) : NULL;
  if (member != NULL)
    {
      finding = lcs_finding_new ("pool-vip", run->view, planned->name,
                                 "%s points at member server %s (%s), not the pool's virtual IP %s",
                                 planned->name, member->fqdn, first->address, planned->address);
      finding->type = planned->type;
      lcs_finding_set_fix (finding, "change %s A to %s", planned->name, planned->address);
    }
  else
    {
      finding = lcs_finding_new ("srv-target-address", run->view, planned->name,
                                 "%s has address %s; the profile says %s", planned->name,
                                 first->address, planned->address);
      finding->type = planned->type;
      lcs_finding_set_fix (finding, "change %s A to %s", planned->name, planned->address);
    }
  add (run, finding);
}

/* Where Microsoft allows "A or CNAME": a CNAME to the planned alias is right, to another name
 * wrong. FALSE when the name is no alias, so its addresses decide. */
static gboolean
check_alias (Run                    *run,
             const LcsPlannedRecord *planned,
             LcsRecordResult        *result)
{
  g_autoptr(GPtrArray) aliases = lcs_observations_lookup (run->obs, run->view, planned->name,
                                                         LCS_TYPE_CNAME);
  const LcsRecord *alias;
  LcsFinding *finding;

  if (aliases->len == 0 || planned->alias == NULL)
    return FALSE;
  alias = g_ptr_array_index (aliases, 0);
  if (lcs_name_equal (alias->target, planned->alias))
    {
      result->status = LCS_STATUS_OK;
      return TRUE;
    }
  result->status = LCS_STATUS_MISMATCH;
  finding = lcs_finding_new ("record-mismatch", run->view, planned->name,
                             "%s is a CNAME to %s; it should be an A record for %s or a CNAME "
                             "to %s", planned->name, alias->target, planned->address,
                             planned->alias);
  finding->type = planned->type;
  lcs_finding_set_fix (finding, "change %s CNAME to %s", planned->name, planned->alias);
  add (run, finding);
  return TRUE;
}

static void
check_planned (Run                    *run,
               const LcsPlannedRecord *planned)
{
  LcsRecordResult *result = lcs_report_add_result (run->report, planned, LCS_STATUS_MISSING);
  LcsAnswer answer = lcs_observations_answer (run->obs, run->view, planned->name, planned->type);
  gboolean is_host = planned->type == LCS_TYPE_A || planned->type == LCS_TYPE_AAAA;
  g_autoptr(GPtrArray) found = is_host ? g_ptr_array_ref (addresses_of (run, planned->name)->records)
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
  if (is_host && check_alias (run, planned, result))
    return;
  if (found->len == 0)
    {
      misplaced_at = g_hash_table_lookup (run->misplaced, planned->name);
      if (misplaced_at != NULL)
        {
          result->status = LCS_STATUS_MISPLACED;
          result->misplaced_at = g_strdup (misplaced_at);
        }
      else if (!is_host || !lcs_check_alias_instead (run->obs, run->view, planned, result,
                                                     run->report))
        add_missing (run, planned, answer);
      return;
    }
  if (planned->type == LCS_TYPE_CNAME)
    {
      result->status = lcs_name_equal (((LcsRecord *) g_ptr_array_index (found, 0))->target,
                                       planned->target) ? LCS_STATUS_OK : LCS_STATUS_MISMATCH;
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
      if (addresses_of (run, planned->target)->records->len == 0 && lcs_observations_answer (run->obs, run->view, planned->target,
                                                   LCS_TYPE_A) != LCS_ANSWER_UNKNOWN)
        result->status = LCS_STATUS_UNRESOLVED;
    }
}

/* The message names this many targets; the rest are counted (a zone can put 200,000 at one
 * owner, and a message naming them all took 5 MB). */
#define MAX_NAMED_TARGETS 10

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* How many distinct strings @strings holds; sorts it. A sort, not a set: 200,000 targets at one
 * owner took 6 MB in two hash sets and take 1.6 MB here. */
static guint
count_distinct (GPtrArray *strings)
{
  guint i, n = strings->len > 0;

  g_ptr_array_sort (strings, compare_strings);
  for (i = 1; i < strings->len; i++)
    n += strcmp (g_ptr_array_index (strings, i - 1), g_ptr_array_index (strings, i)) != 0;
  return n;
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
      /* Borrowed from the observed records, which outlive them. Targets are lower case. */
      g_autoptr(GPtrArray) keys = g_ptr_array_sized_new (found->len);
      const char *named[MAX_NAMED_TARGETS];
      guint n_named = 0, n_pools, n_targets, j, k;
      LcsFinding *finding;
      GString *message;

      for (j = 0; j < found->len; j++)
        {
          const LcsRecord *record = g_ptr_array_index (found, j);
          GPtrArray *a = addresses_of (run, record->target)->records;

          /* Two names on one address, or an alias of the pool, are one pool. */
          g_ptr_array_add (keys, a->len ? ((LcsRecord *) g_ptr_array_index (a, 0))->address
                                        : record->target);
        }
      n_pools = count_distinct (keys);
      if (n_pools <= 1)
        continue;
      g_ptr_array_set_size (keys, 0);
      for (j = 0; j < found->len; j++)
        {
          const char *target = ((const LcsRecord *) g_ptr_array_index (found, j))->target;

          g_ptr_array_add (keys, (gpointer) target);
          for (k = 0; k < n_named && strcmp (named[k], target) != 0; k++)
            ;
          if (k == n_named && n_named < MAX_NAMED_TARGETS)
            named[n_named++] = target;
        }
      n_targets = count_distinct (keys);
      message = g_string_new (NULL);
      g_string_append_printf (message, "%s points at %u pools: ", owner, n_pools);
      for (j = 0; j < n_named; j++)
        g_string_append_printf (message, "%s%s", j > 0 ? ", " : "", named[j]);
      if (n_targets > n_named)
        g_string_append_printf (message, " and %u more", n_targets - n_named);
      finding = lcs_finding_new ("srv-duplicate-signin", run->view, owner, "%s", message->str);
      g_string_free (message, TRUE);
      lcs_finding_set_fix (finding, "keep only the record for %s", run->profile->pool);
      add (run, finding);
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
      finding->type = group->first_type;
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
            finding->type = LCS_TYPE_SRV;
            lcs_finding_set_fix (finding, "delete %s from the external zone", owner);
            add (run, finding);
          }
      }

  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *planned = g_ptr_array_index (plan, i);
      g_autoptr(GPtrArray) inside = NULL;
      g_autoptr(GPtrArray) outside = NULL;
      g_autoptr(GHashTable) inside_data = NULL;
      gboolean agree = FALSE;
      guint k;

      /* A name planned in both views (LCS 2005's _sip._tls) differs by design. */
      if (planned->view != LCS_VIEW_EXTERNAL || planned->type != LCS_TYPE_SRV ||
          is_planned (run, LCS_VIEW_INTERNAL, planned->name))
        continue;
      inside = lcs_observations_lookup (run->obs, LCS_VIEW_INTERNAL, planned->name, LCS_TYPE_SRV);
      outside = lcs_observations_lookup (run->obs, LCS_VIEW_EXTERNAL, planned->name, LCS_TYPE_SRV);
      if (inside->len == 0 || outside->len == 0)
        continue;
      /* A set of one side's data: thousands of records on each side stay linear. */
      inside_data = g_hash_table_new (g_str_hash, g_str_equal);
      for (k = 0; k < inside->len; k++)
        g_hash_table_add (inside_data, ((LcsRecord *) g_ptr_array_index (inside, k))->rdata);
      for (k = 0; k < outside->len && !agree; k++)
        agree = g_hash_table_contains (inside_data,
                                       ((LcsRecord *) g_ptr_array_index (outside, k))->rdata);
      if (!agree)
        {
          LcsFinding *finding = lcs_finding_new ("dns-split-view", LCS_VIEW_EXTERNAL, planned->name,
                                                 "internal DNS gives %s, external DNS %s",
                                                 ((LcsRecord *) g_ptr_array_index (inside, 0))->rdata,
                                                 ((LcsRecord *) g_ptr_array_index (outside, 0))->rdata);

          finding->type = LCS_TYPE_SRV;
          add (run, finding);
        }
    }
}

static gboolean
is_explained (const Run             *run,
              const LcsRecordResult *result)
{
  guint i;

  for (i = 0; i < run->report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (run->report->findings, i);

      /* An info ("outside the loaded zones") says nothing of why the data is wrong. */
      if (finding->view == run->view && finding->severity != LCS_SEVERITY_INFO &&
          finding->name != NULL && lcs_name_equal (finding->name, result->planned->name))
        return TRUE;
    }
  return FALSE;
}

/* Every record that is not right gets a finding that says why and what to type: the specific
 * rules above cover most; record-mismatch covers the rest (another target in the domain,
 * another priority or weight, a hybrid record pointing at Online). */
static void
explain_results (Run *run)
{
  guint i;

  for (i = 0; i < run->report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (run->report->results, i);
      const LcsPlannedRecord *planned = result->planned;
      g_autofree char *data = NULL;
      g_autofree char *found = NULL;
      LcsFinding *finding;

      if (planned->view != run->view || (result->status != LCS_STATUS_MISMATCH &&
                                         result->status != LCS_STATUS_UNRESOLVED) ||
          is_explained (run, result))
        continue;
      data = lcs_planned_record_data (planned);
      g_ptr_array_add (result->found, NULL);
      found = g_strjoinv ("; ", (char **) result->found->pdata);
      g_ptr_array_remove_index (result->found, result->found->len - 1);
      finding = lcs_finding_new ("record-mismatch", run->view, planned->name,
                                 "%s %s holds %s; the deployment needs %s%s", planned->name,
                                 lcs_type_to_string (planned->type), found, data,
                                 run->profile->hosting == LCS_HOSTING_HYBRID
                                 ? " (Microsoft: in a hybrid deployment every external record "
                                   "points at the on-premises servers)" : "");
      finding->type = planned->type;
      lcs_finding_set_fix (finding, "change %s %s to %s", planned->name,
                           lcs_type_to_string (planned->type), data);
      add (run, finding);
    }
}

static void
check_view (Run       *run,
            GPtrArray *plan)
{
  guint i;

  lcs_observations_foreach (run->obs, run->view, LCS_TYPE_SRV, check_observed_srv, run);
  g_clear_pointer (&run->srv_owner, lcs_srv_owner_free);
  lcs_other_domains_report (run->others, run->view, run->report);
  lcs_check_relative_targets (run->obs, run->view, run->profile, run->report);
  lcs_check_cname_other (run->obs, run->view, run->report);
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
  explain_results (run);
}

LcsReport *
lcs_check_observations (const LcsProfile      *profile,
                        const LcsObservations *obs,
                        LcsSourceKind          kind)
{
  return lcs_check_observations_listing (profile, obs, kind, LCS_REPORT_MAX_LISTED);
}

LcsReport *
lcs_check_observations_listing (const LcsProfile      *profile,
                                const LcsObservations *obs,
                                LcsSourceKind          kind,
                                guint                  max_listed)
{
  LcsReport *report = lcs_report_new (kind);
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  g_autoptr(GHashTable) planned = planned_names (plan);
  g_autoptr(LcsOtherDomains) others = lcs_other_domains_new ();
  Run run = { profile, obs, report, LCS_VIEW_INTERNAL, plan, planned, NULL, NULL, others };

  report->max_listed = max_listed;
  run.misplaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) addresses_free);
  /* No addresses hold the expected one. */
  run.none.records = g_ptr_array_new ();
  run.none.holds_expected = FALSE;
  check_view (&run, plan);
  if (lcs_plan_has_view (profile, LCS_VIEW_EXTERNAL) &&
      lcs_observations_has_view (obs, LCS_VIEW_EXTERNAL))
    {
      g_hash_table_remove_all (run.misplaced);
      g_hash_table_remove_all (run.addresses);
      run.view = LCS_VIEW_EXTERNAL;
      check_view (&run, plan);
      check_split_view (&run, plan);
    }
  g_hash_table_unref (run.misplaced);
  g_hash_table_unref (run.addresses);
  g_ptr_array_unref (run.none.records);
  lcs_report_sort (report);
  return report;
}
