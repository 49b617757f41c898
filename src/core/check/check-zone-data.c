/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks of the DNS data itself rather than of the plan: targets written without their final dot
 * (srv-target-relative), aliases beside other data (zone-cname-other), SIP records of domains
 * the profile does not name (sip-other-domain), and an alias where an address is required. */
#include "config.h"

#include "check-private.h"

#include <string.h>
#include <lcsdns/model/name.h>

/* The zone @owner lies in; without loaded zones (a live check), the SIP domain of it. Borrowed,
 * and not necessarily normalised. */
static const char *
origin_of (const LcsObservations *obs,
           LcsView                view,
           const GPtrArray       *domains,
           const char            *owner)
{
  const char *zone = lcs_observations_zone_for (obs, view, owner);
  const char *best = NULL;
  guint i;

  if (zone != NULL)
    return zone;
  for (i = 0; domains != NULL && i < domains->len; i++)
    {
      const char *domain = g_ptr_array_index (domains, i);

      if (lcs_name_ends_in (owner, domain) && (best == NULL || strlen (domain) > strlen (best)))
        best = domain;
    }
  return best;
}

/* Names normalised on the stack: these checks run for every record of a zone. */
#define NAME_BUFSIZE 1024

/* The length of @name normalised (lower case, one final dot). */
static gsize
normal_length (const char *name)
{
  gsize length = strlen (name);

  return length > 0 && name[length - 1] == '.' ? length : length + 1;
}

char *
lcs_check_meant_target (const LcsObservations *obs,
                        LcsView                view,
                        const GPtrArray       *domains,
                        const char            *owner,
                        const char            *target)
{
  const char *origin = origin_of (obs, view, domains, owner);
  char buf[NAME_BUFSIZE];
  g_autofree char *heap = NULL;
  char *name;
  gsize name_length, origin_length;
  char first;
  gboolean meant;

  if (origin == NULL || lcs_name_equal (origin, ".") || target == NULL)
    return NULL;
  name = lcs_name_normalize_into (target, buf, sizeof buf, &heap, &name_length);
  origin_length = normal_length (origin);
  if (!lcs_name_ends_in (name, origin) || name_length <= origin_length)
    return NULL;
  /* "pool01.contoso.com." of "pool01.contoso.com.contoso.com.", with its final dot: the name
   * is cut in place (this runs for every target in a zone), then made whole to look it up. */
  first = name[name_length - origin_length];
  name[name_length - origin_length] = '\0';
  /* The origin twice at the end, or a name that exists once the origin is taken off while the
   * name as read does not. */
  meant = lcs_name_ends_in (name, origin);
  if (!meant && lcs_observations_holds (obs, view, name))
    {
      name[name_length - origin_length] = first;
      meant = !lcs_observations_holds (obs, view, name);
      name[name_length - origin_length] = '\0';
    }
  return meant ? g_strdup (name) : NULL;
}

typedef struct {
  const LcsObservations *obs;
  LcsView                view;
  const LcsProfile      *profile;
  LcsReport             *report;
  GHashTable            *seen;
} DataRun;

static void
check_relative_target (const LcsRecord *record,
                       gpointer         user_data)
{
  DataRun *run = user_data;
  g_autofree char *meant = lcs_check_meant_target (run->obs, run->view, run->profile->domains,
                                                   record->owner, record->target);
  g_autofree char *written = NULL;
  LcsFinding *finding;

  if (meant == NULL || lcs_report_count_unlisted (run->report, "srv-target-relative", run->view))
    return;
  written = lcs_name_bare (meant);
  finding = lcs_finding_new ("srv-target-relative", run->view, record->owner,
                             "%s target %s is %s written without its final dot: the zone's "
                             "origin was appended", lcs_type_to_string (record->type),
                             record->target, written);
  finding->type = record->type;
  lcs_finding_set_fix (finding, "add the final dot: %s", meant);
  lcs_report_add_finding (run->report, finding);
}

void
lcs_check_relative_targets (const LcsObservations *obs,
                            LcsView                view,
                            const LcsProfile      *profile,
                            LcsReport             *report)
{
  static const guint16 types[] = { LCS_TYPE_SRV, LCS_TYPE_CNAME, LCS_TYPE_NS };
  DataRun run = { obs, view, profile, report, NULL };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (types); i++)
    lcs_observations_foreach (obs, view, types[i], check_relative_target, &run);
}

/* RFC 4035 keeps DNSSEC data (RRSIG, NSEC) and RFC 2535 KEY beside an alias. */
static gboolean
may_sit_beside_alias (guint16 type)
{
  return type == LCS_TYPE_CNAME || type == 46 || type == 47 || type == 25;
}

/* The types other than the alias at @owner, in the order found ("A, MX"), or NULL. */
static char *
other_types (const LcsObservations *obs,
             LcsView                view,
             const char            *owner)
{
  g_autoptr(GPtrArray) records = lcs_observations_lookup (obs, view, owner, 0);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint16));
  GString *types;
  guint i, j;

  /* Most aliases stand alone: nothing is built for them. */
  for (i = 0; i < records->len; i++)
    if (!may_sit_beside_alias (((LcsRecord *) g_ptr_array_index (records, i))->type))
      break;
  if (i == records->len)
    return NULL;
  types = g_string_new (NULL);
  for (i = 0; i < records->len; i++)
    {
      guint16 type = ((LcsRecord *) g_ptr_array_index (records, i))->type;

      for (j = 0; j < seen->len && g_array_index (seen, guint16, j) != type; j++)
        ;
      if (may_sit_beside_alias (type) || j < seen->len)
        continue;
      g_array_append_val (seen, type);
      g_string_append_printf (types, "%s%s", types->len > 0 ? ", " : "",
                              lcs_type_to_string (type));
    }
  if (types->len == 0)
    {
      g_string_free (types, TRUE);
      return NULL;
    }
  return g_string_free (types, FALSE);
}

static void
check_alias_alone (const LcsRecord *alias,
                   gpointer         user_data)
{
  DataRun *run = user_data;
  g_autofree char *types = NULL;
  LcsFinding *finding;

  /* Most aliases are their owner's only record: that is settled without the set. */
  if (lcs_observations_count_at (run->obs, run->view, alias->owner, 2) < 2 ||
      !g_hash_table_add (run->seen, (gpointer) alias->owner))
    return;
  types = other_types (run->obs, run->view, alias->owner);
  if (types == NULL)
    return;
  finding = lcs_finding_new ("zone-cname-other", run->view, alias->owner,
                             "%s is an alias (CNAME to %s) and also holds %s data", alias->owner,
                             alias->target, types);
  finding->type = LCS_TYPE_CNAME;
  lcs_finding_set_fix (finding, "keep either the CNAME or the %s records at %s", types,
                       alias->owner);
  lcs_report_add_finding (run->report, finding);
}

void
lcs_check_cname_other (const LcsObservations *obs,
                       LcsView                view,
                       LcsReport             *report)
{
  DataRun run = { obs, view, NULL, report, NULL };

  /* The owners are borrowed from @obs, which outlives the run. */
  run.seen = g_hash_table_new (g_str_hash, g_str_equal);
  lcs_observations_foreach (obs, view, LCS_TYPE_CNAME, check_alias_alone, &run);
  g_hash_table_unref (run.seen);
}

/* lcs_name_equal (@name, "@label.@domain") without building that name: asked of every SIP
 * record of a zone. */
static gboolean
names_host_in (const char *name,
               const char *label,
               const char *domain)
{
  gsize length = strlen (label);

  if (g_ascii_strncasecmp (name, label, length) != 0)
    return FALSE;
  if (*domain == '\0')
    return lcs_name_equal (name + length, "");
  return name[length] == '.' && name[length + 1] != '\0' &&
         lcs_name_equal (name + length + 1, domain);
}

/* Whether @domain is a host of the deployment (the pool, the edge, a fallback name): an SRV
 * record under a host is one created in the host's node by mistake, not another SIP domain. */
static gboolean
is_deployment_host (const LcsProfile *profile,
                    const char       *domain)
{
  static const char *const fallback[] = { "sip", "sipinternal", "sipexternal" };
  guint i;
  gsize j;

  if (lcs_name_equal (domain, profile->pool) ||
      (profile->edge != NULL && lcs_name_equal (domain, profile->edge)))
    return TRUE;
  for (i = 0; i < profile->domains->len; i++)
    for (j = 0; j < G_N_ELEMENTS (fallback); j++)
      if (names_host_in (domain, fallback[j], g_ptr_array_index (profile->domains, i)))
        return TRUE;
  return FALSE;
}

/* A profile domain, or one written twice (S.P.D.D, or D relative in the zone of another).
 * @domain is cut in place for a moment (this runs for every SIP record), and made whole again. */
static gboolean
is_profile_domain_form (const LcsProfile *profile,
                        char             *domain)
{
  gsize length = strlen (domain);
  guint i, j;

  for (i = 0; i < profile->domains->len; i++)
    {
      const char *zone = g_ptr_array_index (profile->domains, i);
      gsize zone_length = strlen (zone);
      gboolean doubled = FALSE;
      char cut;

      if (lcs_name_equal (domain, zone))
        return TRUE;
      if (!lcs_name_ends_in (domain, zone) || length <= zone_length + 1)
        continue;
      cut = domain[length - zone_length - 1];
      domain[length - zone_length - 1] = '\0';
      for (j = 0; j < profile->domains->len && !doubled; j++)
        doubled = lcs_name_ends_in (domain, g_ptr_array_index (profile->domains, j));
      domain[length - zone_length - 1] = cut;
      if (doubled)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_sip_pair (const char *service,
             const char *protocol)
{
  const char *right = lcs_plan_protocol_for (service);

  if (right != NULL)
    return g_ascii_strcasecmp (protocol, right) == 0;
  if (!lcs_plan_is_sip_service (service))
    return FALSE;
  return g_ascii_strcasecmp (protocol, "_tls") == 0 || g_ascii_strcasecmp (protocol, "_tcp") == 0;
}

char *
lcs_check_other_sip_domain (const LcsProfile *profile,
                            const char       *owner)
{
  /* The labels are read in place in one lower-case copy: this runs for every SRV record. */
  char buf[NAME_BUFSIZE];
  g_autofree char *heap = NULL;
  gsize length;
  char *name = lcs_name_normalize_into (owner, buf, sizeof buf, &heap, &length);
  char *protocol, *domain, *dot;

  name[length - 1] = '\0';
  protocol = strchr (name, '.');
  domain = protocol != NULL ? strchr (protocol + 1, '.') : NULL;
  if (domain == NULL)
    return NULL;
  *protocol++ = '\0';
  *domain++ = '\0';
  if (!is_sip_pair (name, protocol))
    return NULL;
  /* An underscore label in the domain part is a docs/spec.md §5 form (split, domain typed). */
  for (dot = domain - 1; dot != NULL; dot = strchr (dot + 1, '.'))
    if (dot[1] == '_')
      return NULL;
  if (is_profile_domain_form (profile, domain) || is_deployment_host (profile, domain))
    return NULL;
  return g_strdup (domain);
}

typedef struct {
  guint      records;
  GPtrArray *domains;  /* distinct, in the order first seen */
} ZoneOthers;

struct _LcsOtherDomains {
  GHashTable *zones;   /* zone → ZoneOthers */
  GPtrArray  *order;   /* zones in the order first seen */
  /* The zone of the last record: a zone's records come together, so most need no hashing. */
  const char *last_zone;
  ZoneOthers *last;
};

/* One finding lists this many domains; the rest are counted (a hosting provider's zone can hold
 * hundreds of thousands). */
#define MAX_LISTED 10

static void
zone_others_free (ZoneOthers *others)
{
  g_ptr_array_unref (others->domains);
  g_free (others);
}

LcsOtherDomains *
lcs_other_domains_new (void)
{
  LcsOtherDomains *others = g_new0 (LcsOtherDomains, 1);

  others->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) zone_others_free);
  others->order = g_ptr_array_new ();
  return others;
}

void
lcs_other_domains_add (LcsOtherDomains *others,
                       const char      *zone,
                       const char      *domain)
{
  const char *key = zone != NULL ? zone : "";
  ZoneOthers *entry = others->last_zone != NULL && strcmp (others->last_zone, key) == 0
                        ? others->last : g_hash_table_lookup (others->zones, key);
  char *owned;
  guint i;

  if (entry == NULL)
    {
      owned = g_strdup (key);
      entry = g_new0 (ZoneOthers, 1);
      entry->domains = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (others->zones, owned, entry);
      g_ptr_array_add (others->order, owned);
    }
  if (entry != others->last)
    {
      g_hash_table_lookup_extended (others->zones, key, (gpointer *) &owned, NULL);
      others->last_zone = owned;
      others->last = entry;
    }
  entry->records++;
  /* Full: a domain already listed changes nothing, and a new one would not be kept. */
  if (entry->domains->len > MAX_LISTED)
    return;
  for (i = 0; i < entry->domains->len; i++)
    if (strcmp (g_ptr_array_index (entry->domains, i), domain) == 0)
      return;
  /* Only MAX_LISTED domains are named: one more is kept to say that there are others. */
  if (entry->domains->len <= MAX_LISTED)
    g_ptr_array_add (entry->domains, g_strdup (domain));
}

void
lcs_other_domains_report (LcsOtherDomains *others,
                          LcsView          view,
                          LcsReport       *report)
{
  guint i, j;

  for (i = 0; i < others->order->len; i++)
    {
      const char *zone = g_ptr_array_index (others->order, i);
      const ZoneOthers *entry = g_hash_table_lookup (others->zones, zone);
      GString *listed = g_string_new (NULL);

      for (j = 0; j < entry->domains->len && j < MAX_LISTED; j++)
        g_string_append_printf (listed, "%s%s", j > 0 ? ", " : "",
                                (char *) g_ptr_array_index (entry->domains, j));
      if (entry->domains->len > MAX_LISTED)
        g_string_append (listed, " and others");
      lcs_report_add_finding (report,
                              lcs_finding_new ("sip-other-domain", view, *zone ? zone : NULL,
                                               "%u SIP record%s for domains not in the profile: "
                                               "%s", entry->records,
                                               entry->records > 1 ? "s" : "", listed->str));
      g_string_free (listed, TRUE);
    }
  others->last_zone = NULL;
  others->last = NULL;
  g_ptr_array_set_size (others->order, 0);
  g_hash_table_remove_all (others->zones);
}

void
lcs_other_domains_free (LcsOtherDomains *others)
{
  if (others == NULL)
    return;
  g_hash_table_unref (others->zones);
  g_ptr_array_unref (others->order);
  g_free (others);
}

gboolean
lcs_check_alias_instead (const LcsObservations  *obs,
                         LcsView                 view,
                         const LcsPlannedRecord *planned,
                         LcsRecordResult        *result,
                         LcsReport              *report)
{
  g_autoptr(GPtrArray) aliases = lcs_observations_lookup (obs, view, planned->name,
                                                         LCS_TYPE_CNAME);
  g_autofree char *data = NULL;
  const LcsRecord *alias;
  LcsAnswer answer;
  LcsFinding *finding;

  if (aliases->len == 0)
    return FALSE;
  alias = g_ptr_array_index (aliases, 0);
  answer = lcs_observations_answer (obs, view, alias->target, LCS_TYPE_A);
  /* A live resolver followed the alias when asked for the name itself: that answer (NXDOMAIN
   * at the end of the chain) is the target's. */
  if (answer == LCS_ANSWER_UNKNOWN && report->kind == LCS_SOURCE_LIVE)
    answer = lcs_observations_answer (obs, view, planned->name, planned->type);
  data = lcs_planned_record_data (planned);
  g_ptr_array_add (result->found, g_strdup_printf ("CNAME %s", alias->target));
  /* The plan wants an address here, and an alias is not one: the fix replaces it. */
  result->status = LCS_STATUS_MISMATCH;
  if (answer == LCS_ANSWER_UNKNOWN)
    {
      /* Where the alias leads cannot be told from what was read: said as an info. */
      finding = lcs_finding_new ("srv-target-unchecked", view, planned->name,
                                 "%s is a CNAME to %s, %s", planned->name, alias->target,
                                 report->kind == LCS_SOURCE_LIVE
                                 ? "whose address was not given"
                                 : "which lies outside the loaded zones");
    }
  else
    {
      finding = lcs_finding_new ("record-missing", view, planned->name,
                                 "%s is a CNAME to %s, which has no A or AAAA record (%s)",
                                 planned->name, alias->target, lcs_answer_to_string (answer));
      /* Never "create <target>": the target may be a mistake itself (a name without its final
       * dot); the record the plan needs is the address at this name. */
      lcs_finding_set_fix (finding, "replace the CNAME by %s %s %s", planned->name,
                           lcs_type_to_string (planned->type), data);
    }
  finding->type = planned->type;
  lcs_report_add_finding (report, finding);
  return TRUE;
}
