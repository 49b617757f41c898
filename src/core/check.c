/* The check: profile + plan + observations → per-record status and findings. Zone and live
 * checks both end here, so the same data gives the same findings whatever its source. */
#include <lcsdns/check.h>

#include <gio/gio.h>
#include <lcsdns/name.h>
#include <string.h>

const char *
lcs_record_status_to_string (LcsRecordStatus status)
{
  static const char *const names[] = {
    "planned", "ok", "missing", "mismatch", "misplaced", "unresolved", "failed",
  };

  return names[status];
}

static void
record_result_free (LcsRecordResult *result)
{
  lcs_planned_record_free (result->planned);
  g_ptr_array_unref (result->found);
  g_free (result->misplaced_at);
  g_free (result);
}

LcsReport *
lcs_report_new (LcsSourceKind kind)
{
  LcsReport *report = g_new0 (LcsReport, 1);

  report->kind = kind;
  report->files = g_ptr_array_new_with_free_func (g_free);
  report->servers = g_ptr_array_new_with_free_func (g_free);
  report->results = g_ptr_array_new_with_free_func ((GDestroyNotify) record_result_free);
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  return report;
}

void
lcs_report_free (LcsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->files);
  g_ptr_array_unref (report->servers);
  g_ptr_array_unref (report->results);
  g_ptr_array_unref (report->findings);
  g_free (report->entry_owner);
  g_free (report->entry_record);
  g_free (report);
}

void
lcs_report_add_finding (LcsReport  *report,
                        LcsFinding *finding)
{
  switch (finding->severity)
    {
    case LCS_SEVERITY_ERROR:
      report->errors++;
      break;
    case LCS_SEVERITY_WARNING:
      report->warnings++;
      break;
    case LCS_SEVERITY_INFO:
    default:
      report->infos++;
      break;
    }
  g_ptr_array_add (report->findings, finding);
}

void
lcs_report_sort (LcsReport *report)
{
  g_ptr_array_sort (report->findings, lcs_finding_compare);
}

static LcsPlannedRecord *
planned_copy (const LcsPlannedRecord *planned)
{
  LcsPlannedRecord *copy = g_new0 (LcsPlannedRecord, 1);

  *copy = *planned;
  copy->domain = g_strdup (planned->domain);
  copy->name = g_strdup (planned->name);
  copy->service = g_strdup (planned->service);
  copy->protocol = g_strdup (planned->protocol);
  copy->target = g_strdup (planned->target);
  copy->address = g_strdup (planned->address);
  return copy;
}

static LcsRecordResult *
add_result (LcsReport              *report,
            const LcsPlannedRecord *planned,
            LcsRecordStatus         status)
{
  LcsRecordResult *result = g_new0 (LcsRecordResult, 1);

  result->planned = planned_copy (planned);
  result->found = g_ptr_array_new_with_free_func (g_free);
  result->status = status;
  g_ptr_array_add (report->results, result);
  return result;
}

LcsReport *
lcs_check_plan (const LcsProfile *profile)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_PLAN);
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  guint i;

  for (i = 0; i < plan->len; i++)
    add_result (report, g_ptr_array_index (plan, i), LCS_STATUS_PLANNED);
  return report;
}

/* g_set_str () arrives with GLib 2.76; Debian 12 has 2.74. */
static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* Every fix of @findings applied to @entry: the fields each fix changes, in turn. */
static LcsSrvEntry *
apply_fixes (const LcsSrvEntry *entry,
             GPtrArray         *findings)
{
  static const glong fields[] = {
    G_STRUCT_OFFSET (LcsSrvEntry, service), G_STRUCT_OFFSET (LcsSrvEntry, protocol),
    G_STRUCT_OFFSET (LcsSrvEntry, priority), G_STRUCT_OFFSET (LcsSrvEntry, weight),
    G_STRUCT_OFFSET (LcsSrvEntry, port), G_STRUCT_OFFSET (LcsSrvEntry, target),
  };
  LcsSrvEntry *fixed = lcs_srv_entry_copy (entry);
  guint i;
  gsize f;

  for (i = 0; i < findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (findings, i);

      for (f = 0; finding->fix_entry && f < G_N_ELEMENTS (fields); f++)
        {
          const char *typed = G_STRUCT_MEMBER (char *, entry, fields[f]);
          const char *fix = G_STRUCT_MEMBER (char *, finding->fix_entry, fields[f]);

          if (g_strcmp0 (typed, fix) != 0)
            set_str (G_STRUCT_MEMBER_P (fixed, fields[f]), fix);
        }
    }
  return fixed;
}

static guint16
entry_number (const char *text)
{
  guint64 value = 0;

  g_ascii_string_to_unsigned (text, 10, 0, 65535, &value, NULL);
  return (guint16) value;
}

static LcsPlannedRecord *
planned_from_entry (const LcsSrvEntry *entry,
                    const char        *owner)
{
  LcsPlannedRecord *planned = g_new0 (LcsPlannedRecord, 1);
  g_autofree char *domain = lcs_name_normalize (entry->domain);

  domain[strlen (domain) - 1] = '\0';
  planned->view = LCS_VIEW_INTERNAL;
  planned->domain = g_steal_pointer (&domain);
  planned->name = g_strdup (owner);
  planned->type = LCS_TYPE_SRV;
  planned->service = g_ascii_strdown (entry->service, -1);
  planned->protocol = g_ascii_strdown (entry->protocol, -1);
  planned->priority = entry_number (entry->priority);
  planned->weight = entry_number (entry->weight);
  planned->port = entry_number (entry->port);
  planned->target = lcs_name_normalize (entry->target);
  return planned;
}

LcsReport *
lcs_check_entry (const LcsProfile  *profile,
                 const LcsSrvEntry *entry)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_ENTRY);
  g_autoptr(LcsEntryResult) result = lcs_srv_entry_check (entry, profile);
  g_autoptr(LcsSrvEntry) fixed = apply_fixes (entry, result->findings);
  g_autoptr(LcsEntryResult) fixed_result = lcs_srv_entry_check (fixed, profile);
  guint i;

  report->entry_owner = g_strdup (result->owner);
  report->entry_record = g_strdup (result->record);
  for (i = 0; i < result->findings->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (result->findings, i)));
  /* The record to create: as typed when right, else with every fix applied. */
  if (fixed_result->errors == 0 && fixed_result->record != NULL)
    {
      g_autoptr(LcsPlannedRecord) planned = planned_from_entry (fixed, fixed_result->owner);
      add_result (report, planned, LCS_STATUS_PLANNED);
    }
  lcs_report_sort (report);
  return report;
}

GPtrArray *
lcs_check_mistyped_names (const char *service,
                          const char *protocol,
                          const char *domain)
{
  static const char *const protocols[] = { "_tcp", "_udp", "_tls" };
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *d = lcs_name_normalize (domain);
  const char *s = service, *p = protocol;
  gsize i;

  d[strlen (d) - 1] = '\0';
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.%s.", s, p, p, d));          /* split */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.%s.%s.", s, p, d, p, d));    /* domain typed */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.%s.", s, p, d, d));          /* doubled */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.", s + 1, p, d));            /* no underscore */
  g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.", s, p + 1, d));
  g_ptr_array_add (names, g_strdup_printf ("%s%s.%s.", s, p, d));                 /* joined */
  for (i = 0; i < G_N_ELEMENTS (protocols); i++)
    if (g_ascii_strcasecmp (protocols[i], p) != 0)
      g_ptr_array_add (names, g_strdup_printf ("%s.%s.%s.", s, protocols[i], d));
  for (i = 0; i < names->len; i++)
    {
      char *lower = g_ascii_strdown (g_ptr_array_index (names, i), -1);
      g_free (g_ptr_array_index (names, i));
      g_ptr_array_index (names, i) = lower;
    }
  return names;
}

/* ---- observations ---- */

typedef struct {
  const LcsProfile      *profile;
  const LcsObservations *obs;
  LcsReport             *report;
  LcsView                view;
  GPtrArray             *plan;
  GHashTable            *misplaced;  /* intended owner → observed owner */
} Run;

static gboolean
is_planned (GPtrArray  *plan,
            LcsView     view,
            const char *name)
{
  guint i;

  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *planned = g_ptr_array_index (plan, i);
      if (planned->view == view && strcmp (planned->name, name) == 0)
        return TRUE;
    }
  return FALSE;
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
    if (is_planned (run->plan, run->view, srv->target) ||
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
  g_autofree char *intended = lcs_srv_intended_owner (record->owner, zone, run->profile);
  g_autoptr(GPtrArray) form = NULL;
  guint i;

  /* Outside, only the external records matter; internal-only ones are dns-split-view. */
  if (intended == NULL ||
      (run->view == LCS_VIEW_EXTERNAL && !is_planned (run->plan, run->view, intended)))
    return;
  form = lcs_srv_record_check (record->owner, record->priority, record->weight, record->port,
                               record->target, zone, run->view, run->profile);
  for (i = 0; i < form->len; i++)
    add (run, lcs_finding_copy (g_ptr_array_index (form, i)));
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
  LcsRecordResult *result = add_result (run->report, planned, LCS_STATUS_MISSING);
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

static void
add_failure (const char *name,
             guint16     type,
             LcsAnswer   answer,
             const char *server,
             gpointer    user_data)
{
  Run *run = user_data;
  LcsFinding *finding = lcs_finding_new ("dns-lookup-failed", run->view, name,
                                         "%s %s: %s%s%s", name, lcs_type_to_string (type),
                                         lcs_answer_to_string (answer),
                                         server ? " from " : "", server ? server : "");

  add (run, finding);
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
          is_planned (plan, LCS_VIEW_INTERNAL, planned->name))
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
  lcs_observations_foreach_failure (run->obs, run->view, add_failure, run);
}

LcsReport *
lcs_check_observations (const LcsProfile      *profile,
                        const LcsObservations *obs,
                        LcsSourceKind          kind)
{
  LcsReport *report = lcs_report_new (kind);
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  Run run = { profile, obs, report, LCS_VIEW_INTERNAL, plan, NULL };

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
