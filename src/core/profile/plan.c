/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The records a deployment needs (docs/spec.md §3): the rows of the profile's generation
 * (generation-tables.c), each made concrete for every SIP domain. No generation is named here. */
#include "config.h"

#include <lcsdns/profile/plan.h>

#include <lcsdns/model/name.h>
#include <lcsdns/profile/generation.h>
#include <string.h>

const char *const *
lcs_plan_sip_services (LcsProduct product)
{
  return lcs_generation_get (product)->services;
}

gboolean
lcs_plan_is_sip_service (const char *service)
{
  return lcs_plan_protocol_for (service) != NULL || g_ascii_strcasecmp (service, "_sip") == 0;
}

const char *
lcs_plan_protocol_for (const char *service)
{
  static const char *const tcp_only[] = { "_sipinternaltls", "_sipinternal", "_sipfederationtls" };
  gsize length = strlen (service);
  gsize i;

  /* Asked of every SRV record of a zone: only a name of the right length is compared, in
   * place (g_ascii_strcasecmp costs a call per byte). */
  for (i = 0; i < G_N_ELEMENTS (tcp_only); i++)
    {
      gsize j;

      if (strlen (tcp_only[i]) != length)
        continue;
      for (j = 0; j < length; j++)
        if ((service[j] >= 'A' && service[j] <= 'Z' ? service[j] - 'A' + 'a' : service[j])
            != tcp_only[i][j])
          break;
      if (j == length)
        return "_tcp";
    }
  return NULL;
}

void
lcs_planned_record_free (LcsPlannedRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->domain);
  g_free (record->name);
  g_free (record->service);
  g_free (record->protocol);
  g_free (record->target);
  g_free (record->address);
  g_free (record->alias);
  g_free (record);
}

LcsPlannedRecord *
lcs_planned_record_copy (const LcsPlannedRecord *record)
{
  LcsPlannedRecord *copy = g_new0 (LcsPlannedRecord, 1);

  *copy = *record;
  copy->domain = g_strdup (record->domain);
  copy->name = g_strdup (record->name);
  copy->service = g_strdup (record->service);
  copy->protocol = g_strdup (record->protocol);
  copy->target = g_strdup (record->target);
  copy->address = g_strdup (record->address);
  copy->alias = g_strdup (record->alias);
  return copy;
}

char *
lcs_planned_record_data (const LcsPlannedRecord *record)
{
  if (record->type == LCS_TYPE_SRV)
    return g_strdup_printf ("%u %u %u %s", record->priority, record->weight, record->port,
                            record->target);
  if (record->type == LCS_TYPE_CNAME)
    return g_strdup (record->target);
  return g_strdup (record->address);
}

static gboolean
row_applies (const LcsProfile *profile,
             const LcsPlanRow *row)
{
  gboolean tls = (profile->transports & LCS_TRANSPORT_TLS) != 0;
  gboolean tcp = (profile->transports & LCS_TRANSPORT_TCP) != 0;
  gboolean online = (row->when & LCS_WHEN_ONLINE) != 0;

  /* Microsoft: a hybrid deployment federates with Online, so it needs the federation record. */
  return online == (profile->hosting == LCS_HOSTING_ONLINE) &&
         (!(row->when & LCS_WHEN_TLS) || tls) && (!(row->when & LCS_WHEN_TCP) || tcp) &&
         (!(row->when & LCS_WHEN_MESSENGER) || (profile->clients & LCS_CLIENT_MESSENGER)) &&
         (!(row->when & LCS_WHEN_FEDERATION) || profile->federation ||
          profile->hosting == LCS_HOSTING_HYBRID) &&
         (!(row->when & LCS_WHEN_XMPP) || profile->xmpp);
}

static guint16
port_for (const LcsProfile *profile,
          const LcsPlanRow *row)
{
  switch (row->port_from)
    {
    case LCS_ROW_PORT_TLS_LISTENER:
      return profile->tls_port;
    case LCS_ROW_PORT_TCP_LISTENER:
      return profile->tcp_port;
    case LCS_ROW_PORT_FIXED:
    default:
      return row->port;
    }
}

/* One domain's run over the rows: where the records go, and which are there already. */
typedef struct {
  const LcsProfile *profile;
  GPtrArray        *plan;
  GHashTable       *seen;    /* "view type name data" of every record planned */
  const char       *domain;
} Plan;

static LcsPlannedRecord *
new_record (Plan             *p,
            const LcsPlanRow *row,
            const char       *name,
            guint16           type)
{
  LcsPlannedRecord *record = g_new0 (LcsPlannedRecord, 1);

  record->view = row->view;
  record->domain = g_strdup (p->domain);
  record->name = lcs_name_normalize (name);
  record->type = type;
  record->recommended = (row->when & LCS_WHEN_LEGACY) && !p->profile->legacy_clients;
  record->certificate = row->certificate;
  return record;
}

/* Adds @record unless the same record is planned already (a pool that is also H(D)). */
static void
add_record (Plan             *p,
            LcsPlannedRecord *record)
{
  g_autofree char *data = lcs_planned_record_data (record);
  char *key = g_strdup_printf ("%d %u %s %s", record->view, record->type, record->name, data);

  if (g_hash_table_contains (p->seen, key))
    {
      g_free (key);
      lcs_planned_record_free (record);
      return;
    }
  g_hash_table_add (p->seen, key);
  g_ptr_array_add (p->plan, record);
}

/* The A records' addresses and the name a CNAME may point at instead; FALSE when the profile
 * does not give them. @addresses holds strings the profile owns. */
static gboolean
address_data (Plan             *p,
              const LcsPlanRow *row,
              const LcsMember  *member,
              GPtrArray        *addresses,
              const char      **alias)
{
  const LcsProfile *profile = p->profile;
  const LcsMember *host = NULL;
  g_autoptr(GPtrArray) pool = NULL;

  *alias = NULL;
  switch (row->data)
    {
    case LCS_ROW_DATA_MEMBER:
      host = member;
      break;
    case LCS_ROW_DATA_EDGE:
      if (profile->edge == NULL || profile->edge_ip == NULL)
        return FALSE;
      g_ptr_array_add (addresses, profile->edge_ip);
      *alias = profile->edge;
      return TRUE;
    case LCS_ROW_DATA_WEB_INTERNAL:
      if (profile->web_internal != NULL)
        {
          *alias = profile->web_internal->fqdn;
          host = profile->web_internal;
          break;
        }
      /* Without internal web services, Microsoft's Standard Edition case: the pool's own IP. */
      *alias = profile->pool;
      G_GNUC_FALLTHROUGH;
    case LCS_ROW_DATA_HOST:
    case LCS_ROW_DATA_POOL:
      pool = lcs_profile_pool_addresses (profile);
      g_ptr_array_extend (addresses, pool, NULL, NULL);
      return addresses->len > 0;
    case LCS_ROW_DATA_WEB_FARM:
      host = profile->web_internal;
      break;
    case LCS_ROW_DATA_WEB_EXTERNAL:
      host = profile->web_external;
      *alias = host ? host->fqdn : NULL;
      break;
    case LCS_ROW_DATA_EDGE_WEBCONF:
      host = profile->edge_webconf;
      break;
    case LCS_ROW_DATA_EDGE_AV:
      host = profile->edge_av;
      break;
    case LCS_ROW_DATA_FIXED:
    default:
      return FALSE;
    }
  if (host == NULL)
    return FALSE;
  g_ptr_array_add (addresses, host->address);
  return TRUE;
}

static void
plan_address (Plan             *p,
              const LcsPlanRow *row,
              const char       *name,
              const LcsMember  *member)
{
  g_autoptr(GPtrArray) addresses = g_ptr_array_new ();
  const char *alias;
  guint i;

  if (!address_data (p, row, member, addresses, &alias))
    return;
  for (i = 0; i < addresses->len; i++)
    {
      const char *address = g_ptr_array_index (addresses, i);
      LcsPlannedRecord *record = new_record (p, row, name, strchr (address, ':') ? LCS_TYPE_AAAA
                                                                                 : LCS_TYPE_A);

      record->address = g_strdup (address);
      /* An alias of itself is no alias. */
      if (alias != NULL && !lcs_name_equal (alias, name))
        record->alias = lcs_name_normalize (alias);
      add_record (p, record);
    }
}

static void
plan_srv (Plan             *p,
          const LcsPlanRow *row)
{
  g_autofree char *owner = g_strdup_printf ("%s.%s", row->label, p->domain);
  g_autofree char *target = NULL;
  const char *dot = strchr (row->label, '.');
  LcsPlannedRecord *record;

  if (row->data == LCS_ROW_DATA_FIXED)
    target = g_strdup (row->target);
  else if (row->data == LCS_ROW_DATA_EDGE)
    target = p->profile->edge_ip ? lcs_profile_edge_for_domain (p->profile, p->domain) : NULL;
  else
    target = lcs_profile_host_for_domain (p->profile, p->domain);
  if (target == NULL)
    return;
  record = new_record (p, row, owner, LCS_TYPE_SRV);
  record->service = g_strndup (row->label, dot - row->label);
  record->protocol = g_strdup (dot + 1);
  record->priority = row->priority;
  record->weight = row->weight;
  record->port = port_for (p->profile, row);
  record->target = lcs_name_normalize (target);
  add_record (p, record);
}

/* The host names a host row stands for in the domain; none when the profile lacks them. */
static void
plan_host (Plan             *p,
           const LcsPlanRow *row)
{
  const LcsProfile *profile = p->profile;
  g_autofree char *name = NULL;
  const LcsMember *named = NULL;
  guint i;

  switch (row->name)
    {
    case LCS_ROW_NAME_HOST:
      name = lcs_profile_host_for_domain (profile, p->domain);
      break;
    case LCS_ROW_NAME_POOL:
      {
        g_autofree char *host = lcs_profile_host_for_domain (profile, p->domain);
        if (profile->pool && !lcs_name_equal (profile->pool, host) &&
            lcs_name_ends_in (profile->pool, p->domain))
          name = g_strdup (profile->pool);
      }
      break;
    case LCS_ROW_NAME_MEMBERS:
      for (i = 0; i < profile->members->len; i++)
        {
          const LcsMember *member = g_ptr_array_index (profile->members, i);
          plan_address (p, row, member->fqdn, member);
        }
      return;
    case LCS_ROW_NAME_LABEL:
      name = g_strdup_printf ("%s.%s", row->label, p->domain);
      break;
    case LCS_ROW_NAME_EDGE:
      name = profile->edge_ip ? lcs_profile_edge_for_domain (profile, p->domain) : NULL;
      break;
    case LCS_ROW_NAME_SIMPLE_URL:
      for (i = 0; i < LCS_N_SIMPLE_URLS; i++)
        if (strcmp (row->label, lcs_simple_url_to_string (i)) == 0)
          name = g_strdup (profile->simple_urls[i]);
      break;
    case LCS_ROW_NAME_WEB_INTERNAL:
      named = profile->web_internal;
      break;
    case LCS_ROW_NAME_WEB_EXTERNAL:
      named = profile->web_external;
      break;
    case LCS_ROW_NAME_EDGE_WEBCONF:
      named = profile->edge_webconf;
      break;
    case LCS_ROW_NAME_EDGE_AV:
      named = profile->edge_av;
      break;
    case LCS_ROW_NAME_SRV:
    default:
      break;
    }
  if (named != NULL)
    name = g_strdup (named->fqdn);
  if (name == NULL)
    return;
  if (row->type == LCS_TYPE_CNAME)
    {
      LcsPlannedRecord *record = new_record (p, row, name, LCS_TYPE_CNAME);
      record->target = lcs_name_normalize (row->target);
      add_record (p, record);
    }
  else
    plan_address (p, row, name, NULL);
}

static void
plan_view (Plan    *p,
           LcsView  view)
{
  const LcsGeneration *generation = lcs_generation_get (p->profile->product);
  gsize i;

  for (i = 0; i < generation->n_rows; i++)
    {
      const LcsPlanRow *row = &generation->rows[i];

      if (row->view != view || !row_applies (p->profile, row))
        continue;
      if (row->name == LCS_ROW_NAME_SRV)
        plan_srv (p, row);
      else
        plan_host (p, row);
    }
}

GPtrArray *
lcs_plan_build (const LcsProfile *profile)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Plan p = { profile, NULL, seen, NULL };
  guint i;

  p.plan = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);
  for (i = 0; i < profile->domains->len; i++)
    {
      p.domain = g_ptr_array_index (profile->domains, i);
      plan_view (&p, LCS_VIEW_INTERNAL);
      plan_view (&p, LCS_VIEW_EXTERNAL);
    }
  return p.plan;
}

gboolean
lcs_plan_has_view (const LcsProfile *profile,
                   LcsView           view)
{
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  guint i;

  for (i = 0; i < plan->len; i++)
    if (((LcsPlannedRecord *) g_ptr_array_index (plan, i))->view == view)
      return TRUE;
  return FALSE;
}

gboolean
lcs_plan_hosted_target (const LcsProfile *profile,
                        const char       *service,
                        const char       *protocol,
                        const char       *target)
{
  const LcsGeneration *generation = lcs_generation_get (profile->product);
  g_autofree char *label = g_strdup_printf ("%s.%s", service, protocol);
  gsize i;

  if (profile->hosting == LCS_HOSTING_ONPREM)
    return FALSE;
  for (i = 0; i < generation->n_rows; i++)
    {
      const LcsPlanRow *row = &generation->rows[i];

      if (row->data == LCS_ROW_DATA_FIXED && row->name == LCS_ROW_NAME_SRV &&
          g_ascii_strcasecmp (row->label, label) == 0 && lcs_name_equal (row->target, target))
        return TRUE;
    }
  return FALSE;
}

GArray *
lcs_plan_ports_for (const LcsProfile *profile,
                    const char       *service,
                    const char       *protocol,
                    int               view)
{
  const LcsGeneration *generation = lcs_generation_get (profile->product);
  g_autofree char *label = g_strdup_printf ("%s.%s", service, protocol);
  GArray *ports = g_array_new (FALSE, FALSE, sizeof (guint16));
  gsize i;
  guint j;

  for (i = 0; i < generation->n_rows; i++)
    {
      const LcsPlanRow *row = &generation->rows[i];
      guint16 port = port_for (profile, row);
      gboolean seen = FALSE;

      if (row->name != LCS_ROW_NAME_SRV || (view >= 0 && (int) row->view != view) ||
          g_ascii_strcasecmp (row->label, label) != 0)
        continue;
      for (j = 0; j < ports->len; j++)
        seen = seen || g_array_index (ports, guint16, j) == port;
      if (!seen)
        g_array_append_val (ports, port);
    }
  return ports;
}
