/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The remediation plan: from a check's record results, its findings and the observed data, the
 * exact records to delete and the records to add. The rules of the check decide what is wrong;
 * this file only turns each verdict into operations, and deletes nothing it did not see. */
#include "config.h"

#include <lcsdns/export/remediation.h>

#include <lcsdns/check/check.h>
#include <lcsdns/model/name.h>
#include <string.h>

#define LCS_FIX_TTL 3600

typedef struct {
  const LcsReport       *report;
  const LcsObservations *obs;
  LcsRemediation        *fix;
  GHashTable            *ops;       /* "action view owner type rdata" → LcsFixOp* (borrowed) */
  GHashTable            *tied;      /* "op-key finding-address": a finding tied once per op */
  GHashTable            *planned;   /* "view name": the names the plan holds */
  GPtrArray             *domains;   /* char*: the SIP domains, absolute */
} Build;

static void
fix_op_free (LcsFixOp *op)
{
  g_free (op->zone);
  lcs_record_free (op->record);
  g_ptr_array_unref (op->findings);
  g_free (op);
}

void
lcs_remediation_free (LcsRemediation *fix)
{
  if (fix == NULL)
    return;
  g_ptr_array_unref (fix->sources);
  g_ptr_array_unref (fix->ops);
  g_date_time_unref (fix->made);
  g_free (fix);
}

guint
lcs_remediation_count (const LcsRemediation *fix)
{
  guint count = 0;
  guint i;

  for (i = 0; i < fix->ops->len; i++)
    if (((LcsFixOp *) g_ptr_array_index (fix->ops, i))->enabled)
      count++;
  return count;
}

char *
lcs_fix_op_describe (const LcsFixOp *op)
{
  return g_strdup_printf ("%s %s %s %s", op->action == LCS_FIX_DELETE ? "delete" : "add",
                          op->record->owner, lcs_type_to_string (op->record->type),
                          op->record->rdata);
}

char *
lcs_fix_op_rules (const LcsFixOp *op)
{
  g_autoptr(GString) rules = g_string_new (NULL);
  guint i;

  for (i = 0; i < op->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (op->findings, i);
      g_autofree char *needle = g_strdup_printf (", %s,", finding->rule->id);
      g_autofree char *haystack = g_strdup_printf (", %s,", rules->str);

      if (strstr (haystack, needle) == NULL)
        g_string_append_printf (rules, "%s%s", rules->len ? ", " : "", finding->rule->id);
    }
  return g_string_free (g_steal_pointer (&rules), FALSE);
}

static char *
view_key (LcsView     view,
          const char *name)
{
  return g_strdup_printf ("%d %s", view, name);
}

/* The zone that holds @owner: the loaded zone file's origin (zone mode), else the longest SIP
 * domain it lies under, else its parent. */
static char *
zone_for (const Build *build,
          LcsView      view,
          const char  *owner)
{
  const char *loaded = build->obs ? lcs_observations_zone_for (build->obs, view, owner) : NULL;
  const char *best = NULL;
  guint i;

  if (loaded != NULL)
    return lcs_name_normalize (loaded);
  for (i = 0; i < build->domains->len; i++)
    {
      const char *domain = g_ptr_array_index (build->domains, i);
      if (lcs_name_ends_in (owner, domain) && (best == NULL || strlen (domain) > strlen (best)))
        best = domain;
    }
  if (best != NULL)
    return g_strdup (best);
  return lcs_name_parent (owner);
}

static char *
op_key (LcsFixAction     action,
        LcsView          view,
        const LcsRecord *record)
{
  return g_strdup_printf ("%d %d %s %u %s", action, view, record->owner, record->type,
                          record->rdata);
}

static void
tie (Build            *build,
     LcsFixOp         *op,
     const char       *op_key,
     const LcsFinding *finding)
{
  g_autofree char *key = g_strdup_printf ("%s %p", op_key, (gconstpointer) finding);

  if (finding->severity == LCS_SEVERITY_INFO || g_hash_table_contains (build->tied, key))
    return;
  g_hash_table_add (build->tied, g_steal_pointer (&key));
  g_ptr_array_add (op->findings, lcs_finding_copy (finding));
}

static gboolean
is_about (const LcsFinding *finding,
          LcsView           view,
          const char       *name)
{
  return finding->view == view && finding->name != NULL && lcs_name_equal (finding->name, name);
}

/* Every finding about @name in @view. */
static void
tie_findings_at (Build      *build,
                 LcsFixOp   *op,
                 const char *op_key,
                 LcsView     view,
                 const char *name)
{
  guint i;

  for (i = 0; i < build->report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (build->report->findings, i);
      if (is_about (finding, view, name))
        tie (build, op, op_key, finding);
    }
}

/* Takes @record. The same operation reached twice (two domains sharing a host, two findings
 * about one record) is one operation resolving both. */
static LcsFixOp *
add_op (Build        *build,
        LcsFixAction  action,
        LcsView       view,
        LcsRecord    *record,
        const char   *about)
{
  g_autofree char *key = op_key (action, view, record);
  LcsFixOp *op = g_hash_table_lookup (build->ops, key);

  if (op != NULL)
    lcs_record_free (record);
  else
    {
      op = g_new0 (LcsFixOp, 1);
      op->action = action;
      op->view = view;
      op->zone = zone_for (build, view, record->owner);
      op->record = record;
      op->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
      op->enabled = TRUE;
      g_ptr_array_add (build->fix->ops, op);
      g_hash_table_insert (build->ops, g_strdup (key), op);
    }
  tie_findings_at (build, op, key, view, about);
  return op;
}

/* The record the plan wants; NULL when it names no data to create (an Online record the
 * service's own DNS holds). */
static LcsRecord *
planned_record (const LcsPlannedRecord *planned)
{
  if (planned->type == LCS_TYPE_SRV && planned->target != NULL)
    return lcs_record_new_srv (planned->name, LCS_FIX_TTL, planned->priority, planned->weight,
                               planned->port, planned->target);
  if (planned->type == LCS_TYPE_CNAME && planned->target != NULL)
    return lcs_record_new_alias (planned->name, LCS_FIX_TTL, LCS_TYPE_CNAME, planned->target);
  if (planned->address != NULL)
    return lcs_record_new_address (planned->name, LCS_FIX_TTL, planned->address);
  return NULL;
}

static gboolean
srv_is_planned (const LcsRecord        *record,
                const LcsPlannedRecord *planned)
{
  return record->priority == planned->priority && record->weight == planned->weight &&
         record->port == planned->port && lcs_name_equal (record->target, planned->target);
}

static void
delete_observed (Build           *build,
                 LcsView          view,
                 const LcsRecord *record,
                 const char      *about)
{
  add_op (build, LCS_FIX_DELETE, view, lcs_record_copy (record), about);
}

/* A host's address, or the SRV target's, as a resolver reaches it (through one alias): two
 * names on one address are one pool. */
static char *
pool_key (const Build *build,
          LcsView      view,
          const char  *host)
{
  g_autoptr(GPtrArray) a = lcs_observations_lookup (build->obs, view, host, LCS_TYPE_A);
  g_autoptr(GPtrArray) alias = NULL;

  if (a->len == 0)
    {
      alias = lcs_observations_lookup (build->obs, view, host, LCS_TYPE_CNAME);
      if (alias->len > 0)
        {
          g_ptr_array_unref (a);
          a = lcs_observations_lookup (build->obs, view,
                                       ((LcsRecord *) g_ptr_array_index (alias, 0))->target,
                                       LCS_TYPE_A);
        }
    }
  if (a->len > 0)
    return g_strdup (((LcsRecord *) g_ptr_array_index (a, 0))->address);
  return lcs_name_normalize (host);
}

/* Some finding about @name that is more than information. */
static gboolean
has_problem (const Build *build,
             LcsView      view,
             const char  *name)
{
  guint i;

  for (i = 0; i < build->report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (build->report->findings, i);
      if (is_about (finding, view, name) && finding->severity != LCS_SEVERITY_INFO)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_finding (const Build *build,
             const char  *rule,
             LcsView      view,
             const char  *name)
{
  guint i;

  for (i = 0; i < build->report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (build->report->findings, i);
      if (is_about (finding, view, name) && g_strcmp0 (finding->rule->id, rule) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The planned record is there, but so is a record the check faults: one on another pool
 * (srv-duplicate-signin) or one whose target is an alias (srv-target-cname). That one goes;
 * extra records nothing faults stay. */
static void
remove_faulted_extras (Build                  *build,
                       const LcsPlannedRecord *planned)
{
  gboolean other_pools = has_finding (build, "srv-duplicate-signin", planned->view,
                                      planned->name);
  gboolean aliases = has_finding (build, "srv-target-cname", planned->view, planned->name);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *right = NULL;
  guint i;

  if (!other_pools && !aliases)
    return;
  found = lcs_observations_lookup (build->obs, planned->view, planned->name, LCS_TYPE_SRV);
  right = pool_key (build, planned->view, planned->target);
  for (i = 0; i < found->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (found, i);
      g_autofree char *key = pool_key (build, planned->view, record->target);
      g_autoptr(GPtrArray) alias = lcs_observations_lookup (build->obs, planned->view,
                                                           record->target, LCS_TYPE_CNAME);

      if (srv_is_planned (record, planned))
        continue;
      if ((other_pools && g_strcmp0 (key, right) != 0) || (aliases && alias->len > 0))
        delete_observed (build, planned->view, record, planned->name);
    }
}

/* The wrong data at a required SRV name: every record there that is not the planned one. */
static void
replace_srv (Build                  *build,
             const LcsPlannedRecord *planned)
{
  g_autoptr(GPtrArray) found = lcs_observations_lookup (build->obs, planned->view,
                                                       planned->name, LCS_TYPE_SRV);
  guint i;

  for (i = 0; i < found->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (found, i);
      if (!srv_is_planned (record, planned))
        delete_observed (build, planned->view, record, planned->name);
    }
}

/* A required host with the wrong address: its own addresses of the planned family go (an
 * alias at the name goes too, since a CNAME cannot stand beside the A record); the alias's
 * target and other families are left alone. */
static void
replace_host (Build                  *build,
              const LcsPlannedRecord *planned,
              guint16                 type)
{
  g_autoptr(GPtrArray) own = lcs_observations_lookup (build->obs, planned->view, planned->name,
                                                     type);
  g_autoptr(GPtrArray) alias = lcs_observations_lookup (build->obs, planned->view,
                                                       planned->name, LCS_TYPE_CNAME);
  guint i;

  for (i = 0; i < own->len; i++)
    {
      const LcsRecord *record = g_ptr_array_index (own, i);
      if (!lcs_address_equal (record->address, planned->address))
        delete_observed (build, planned->view, record, planned->name);
    }
  for (i = 0; i < alias->len; i++)
    delete_observed (build, planned->view, g_ptr_array_index (alias, i), planned->name);
}

/* A missing host also resolves the srv-target-unresolved (or -cname) findings of the SRV
 * records that point at it. */
static void
tie_unresolved_targets (Build    *build,
                        LcsFixOp *op)
{
  g_autofree char *key = op_key (op->action, op->view, op->record);
  guint i, j;

  if (build->obs == NULL)
    return;
  for (i = 0; i < build->report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (build->report->findings, i);
      g_autoptr(GPtrArray) srv = NULL;

      if (finding->view != op->view || finding->name == NULL ||
          (g_strcmp0 (finding->rule->id, "srv-target-unresolved") != 0 &&
           g_strcmp0 (finding->rule->id, "srv-target-cname") != 0))
        continue;
      srv = lcs_observations_lookup (build->obs, op->view, finding->name, LCS_TYPE_SRV);
      for (j = 0; j < srv->len; j++)
        if (lcs_name_equal (((LcsRecord *) g_ptr_array_index (srv, j))->target,
                            op->record->owner))
          tie (build, op, key, finding);
    }
}

static void
remediate_result (Build                 *build,
                  const LcsRecordResult *result)
{
  const LcsPlannedRecord *planned = result->planned;
  gboolean srv = planned->type == LCS_TYPE_SRV;
  g_autoptr(LcsRecord) wanted = planned_record (planned);
  LcsFixOp *op;

  /* Only SRV and host records are rewritten; other kinds the plan names are left to the
   * admin (and to their findings). */
  if (wanted == NULL || (wanted->type != LCS_TYPE_SRV && wanted->type != LCS_TYPE_A &&
                         wanted->type != LCS_TYPE_AAAA))
    return;
  switch (result->status)
    {
    case LCS_STATUS_OK:
      if (srv)
        remove_faulted_extras (build, planned);
      return;
    case LCS_STATUS_UNRESOLVED:
      if (srv)
        {
          remove_faulted_extras (build, planned);
          return;
        }
      /* A host that is an alias leading nowhere: the alias goes, the address comes. */
      replace_host (build, planned, wanted->type);
      break;
    case LCS_STATUS_MISSING:
      /* A record only recommended (its record-missing is info) is the admin's choice. */
      if (!has_problem (build, planned->view, planned->name))
        return;
      G_GNUC_FALLTHROUGH;
    case LCS_STATUS_MISMATCH:
      if (srv)
        replace_srv (build, planned);
      else
        replace_host (build, planned, wanted->type);
      break;
    case LCS_STATUS_MISPLACED:
    case LCS_STATUS_PLANNED:
      break;
    default:
      /* Failed lookups decide nothing: the record may well be there. */
      return;
    }
  op = add_op (build, LCS_FIX_ADD, planned->view, g_steal_pointer (&wanted), planned->name);
  if (result->misplaced_at != NULL)
    {
      g_autofree char *key = op_key (op->action, op->view, op->record);
      tie_findings_at (build, op, key, planned->view, result->misplaced_at);
    }
  if (!srv)
    tie_unresolved_targets (build, op);
}

/* The record again with the target that was meant: @record's own data otherwise. */
static LcsRecord *
with_target (const LcsRecord *record,
             const char      *target)
{
  if (record->type == LCS_TYPE_SRV)
    return lcs_record_new_srv (record->owner, record->ttl, record->priority, record->weight,
                               record->port, target);
  return lcs_record_new_alias (record->owner, record->ttl, record->type, target);
}

/* A target written without its final dot (srv-target-relative): the record goes and comes back
 * with the name that was meant, whatever its type (SRV, CNAME, NS). At a name the plan holds,
 * the plan's record is what comes (remediate_result), not the one meant. */
static void
remediate_relative_target (Build            *build,
                           const LcsFinding *finding)
{
  static const guint16 types[] = { LCS_TYPE_SRV, LCS_TYPE_CNAME, LCS_TYPE_NS };
  g_autofree char *key = view_key (finding->view, finding->name);
  gboolean planned = g_hash_table_contains (build->planned, key);
  gsize t;
  guint i;

  for (t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GPtrArray) found = lcs_observations_lookup (build->obs, finding->view,
                                                           finding->name, types[t]);

      for (i = 0; i < found->len; i++)
        {
          const LcsRecord *record = g_ptr_array_index (found, i);
          g_autofree char *meant = lcs_check_meant_target (build->obs, finding->view,
                                                           build->domains, record->owner,
                                                           record->target);

          if (meant == NULL)
            continue;
          delete_observed (build, finding->view, record, finding->name);
          if (!planned)
            add_op (build, LCS_FIX_ADD, finding->view, with_target (record, meant),
                    finding->name);
        }
    }
}

/* A record at a mistyped owner, or an internal-only record published outside: every SRV at
 * that owner goes, each by its exact data. */
static void
remediate_finding (Build            *build,
                   const LcsFinding *finding)
{
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint i;

  if (finding->name == NULL || build->obs == NULL)
    return;
  if (g_strcmp0 (finding->rule->id, "srv-target-relative") == 0)
    {
      remediate_relative_target (build, finding);
      return;
    }
  key = view_key (finding->view, finding->name);
  if (g_strcmp0 (finding->rule->id, "record-misplaced") != 0 &&
      !(g_strcmp0 (finding->rule->id, "dns-split-view") == 0 &&
        !g_hash_table_contains (build->planned, key)))
    return;
  found = lcs_observations_lookup (build->obs, finding->view, finding->name, LCS_TYPE_SRV);
  for (i = 0; i < found->len; i++)
    delete_observed (build, finding->view, g_ptr_array_index (found, i), finding->name);
}

/* Per view and zone, deletions before additions (an alias goes before the host takes its
 * name); the order of the plan otherwise. g_ptr_array_sort is stable. */
static gint
compare_ops (gconstpointer a,
             gconstpointer b)
{
  const LcsFixOp *x = *(LcsFixOp *const *) a;
  const LcsFixOp *y = *(LcsFixOp *const *) b;
  int by_zone;

  if (x->view != y->view)
    return x->view < y->view ? -1 : 1;
  by_zone = g_strcmp0 (x->zone, y->zone);
  if (by_zone != 0)
    return by_zone;
  if (x->action != y->action)
    return x->action == LCS_FIX_DELETE ? -1 : 1;
  return 0;
}

static void
collect_plan (Build *build)
{
  guint i;

  for (i = 0; i < build->report->results->len; i++)
    {
      const LcsPlannedRecord *planned =
        ((LcsRecordResult *) g_ptr_array_index (build->report->results, i))->planned;
      g_autofree char *domain = lcs_name_normalize (planned->domain);
      guint at;

      g_hash_table_add (build->planned, view_key (planned->view, planned->name));
      if (!g_ptr_array_find_with_equal_func (build->domains, domain, g_str_equal, &at))
        g_ptr_array_add (build->domains, g_steal_pointer (&domain));
    }
}

LcsRemediation *
lcs_remediation_build (const LcsReport       *report,
                       const LcsObservations *obs,
                       int                    view_only)
{
  LcsRemediation *fix = g_new0 (LcsRemediation, 1);
  Build build = { report, obs, fix, NULL, NULL, NULL, NULL };
  GPtrArray *sources = report->kind == LCS_SOURCE_LIVE ? report->servers : report->files;
  guint i;

  g_return_val_if_fail (report != NULL, NULL);

  fix->kind = report->kind;
  fix->view_only = view_only;
  fix->sources = g_ptr_array_new_with_free_func (g_free);
  for (i = 0; sources != NULL && i < sources->len; i++)
    g_ptr_array_add (fix->sources, g_strdup (g_ptr_array_index (sources, i)));
  fix->made = g_date_time_new_now_utc ();
  fix->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) fix_op_free);

  build.ops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build.tied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build.planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build.domains = g_ptr_array_new_with_free_func (g_free);
  collect_plan (&build);

  for (i = 0; i < report->results->len; i++)
    {
      const LcsRecordResult *result = g_ptr_array_index (report->results, i);
      if (view_only < 0 || (int) result->planned->view == view_only)
        remediate_result (&build, result);
    }
  for (i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);
      if (view_only < 0 || (int) finding->view == view_only)
        remediate_finding (&build, finding);
    }
  g_ptr_array_sort (fix->ops, compare_ops);

  g_hash_table_unref (build.ops);
  g_hash_table_unref (build.tied);
  g_hash_table_unref (build.planned);
  g_ptr_array_unref (build.domains);
  return fix;
}
