/* The records a deployment needs (SPEC §3). The table is the whole of the knowledge: adding a
 * product generation is adding rows. */
#include <lcsdns/profile/plan.h>

#include <lcsdns/model/name.h>
#include <string.h>

#define LCS   (1u << LCS_PRODUCT_LCS2005)
#define OCS   (1u << LCS_PRODUCT_OCS2007R2)
#define LYNC  (1u << LCS_PRODUCT_LYNC)
#define ALL   (LCS | OCS | LYNC)

typedef enum {
  WHEN_ALWAYS,
  WHEN_TLS,
  WHEN_TCP,
  WHEN_MESSENGER_TLS,
  WHEN_MESSENGER_TCP,
  WHEN_FEDERATION,
} Condition;

typedef enum {
  PORT_TLS_LISTENER,
  PORT_TCP_LISTENER,
  PORT_5061,
  PORT_443,
} PortSource;

typedef struct {
  guint       products;
  LcsView     view;
  const char *service;
  const char *protocol;
  Condition   when;
  PortSource  port;
} SrvRow;

static const SrvRow srv_rows[] = {
  { LCS | OCS, LCS_VIEW_INTERNAL, "_sipinternaltls",   "_tcp", WHEN_TLS,           PORT_TLS_LISTENER },
  { LYNC,      LCS_VIEW_INTERNAL, "_sipinternaltls",   "_tcp", WHEN_ALWAYS,        PORT_TLS_LISTENER },
  { LCS | OCS, LCS_VIEW_INTERNAL, "_sipinternal",      "_tcp", WHEN_TCP,           PORT_TCP_LISTENER },
  { LCS,       LCS_VIEW_INTERNAL, "_sip",              "_tls", WHEN_MESSENGER_TLS, PORT_TLS_LISTENER },
  { LCS,       LCS_VIEW_INTERNAL, "_sip",              "_tcp", WHEN_MESSENGER_TCP, PORT_TCP_LISTENER },
  { LCS,       LCS_VIEW_EXTERNAL, "_sip",              "_tls", WHEN_ALWAYS,        PORT_5061 },
  { OCS | LYNC, LCS_VIEW_EXTERNAL, "_sip",             "_tls", WHEN_ALWAYS,        PORT_443 },
  { ALL,       LCS_VIEW_EXTERNAL, "_sipfederationtls", "_tcp", WHEN_FEDERATION,    PORT_5061 },
};

/* Extra internal A records by generation, as a label under the SIP domain. */
typedef struct {
  guint       products;
  const char *label;
} HostRow;

static const HostRow host_rows[] = {
  { LYNC, "lyncdiscoverinternal" },
};

static const char *const services_lcs[] = {
  "_sipinternaltls._tcp", "_sipinternal._tcp", "_sip._tls", "_sip._tcp", "_sipfederationtls._tcp", NULL
};
static const char *const services_ocs[] = {
  "_sipinternaltls._tcp", "_sipinternal._tcp", "_sip._tls", "_sipfederationtls._tcp", NULL
};
static const char *const services_lync[] = {
  "_sipinternaltls._tcp", "_sip._tls", "_sipfederationtls._tcp", NULL
};

const char *const *
lcs_plan_sip_services (LcsProduct product)
{
  switch (product)
    {
    case LCS_PRODUCT_OCS2007R2:
      return services_ocs;
    case LCS_PRODUCT_LYNC:
      return services_lync;
    case LCS_PRODUCT_LCS2005:
    default:
      return services_lcs;
    }
}

gboolean
lcs_plan_is_sip_service (const char *service)
{
  return lcs_plan_protocol_for (service) != NULL || g_ascii_strcasecmp (service, "_sip") == 0;
}

const char *
lcs_plan_protocol_for (const char *service)
{
  if (g_ascii_strcasecmp (service, "_sipinternaltls") == 0 ||
      g_ascii_strcasecmp (service, "_sipinternal") == 0 ||
      g_ascii_strcasecmp (service, "_sipfederationtls") == 0)
    return "_tcp";
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
  g_free (record);
}

char *
lcs_planned_record_data (const LcsPlannedRecord *record)
{
  if (record->type == LCS_TYPE_SRV)
    return g_strdup_printf ("%u %u %u %s", record->priority, record->weight, record->port,
                            record->target);
  return g_strdup (record->address);
}

static gboolean
condition_holds (const LcsProfile *profile,
                 Condition         when)
{
  gboolean messenger = (profile->clients & LCS_CLIENT_MESSENGER) != 0;
  gboolean tls = (profile->transports & LCS_TRANSPORT_TLS) != 0;
  gboolean tcp = (profile->transports & LCS_TRANSPORT_TCP) != 0;

  switch (when)
    {
    case WHEN_TLS:
      return tls;
    case WHEN_TCP:
      return tcp;
    case WHEN_MESSENGER_TLS:
      return messenger && tls;
    case WHEN_MESSENGER_TCP:
      return messenger && tcp;
    case WHEN_FEDERATION:
      return profile->federation;
    case WHEN_ALWAYS:
    default:
      return TRUE;
    }
}

static guint16
port_for (const LcsProfile *profile,
          PortSource        source)
{
  switch (source)
    {
    case PORT_TLS_LISTENER:
      return profile->tls_port;
    case PORT_TCP_LISTENER:
      return profile->tcp_port;
    case PORT_443:
      return 443;
    case PORT_5061:
    default:
      return 5061;
    }
}

static void
add_address (GPtrArray  *plan,
             GHashTable *seen,
             LcsView     view,
             const char *domain,
             const char *host,
             const char *address)
{
  LcsPlannedRecord *record;
  char *name = lcs_name_normalize (host);
  g_autofree char *key = g_strdup_printf ("%d %s", view, name);

  if (g_hash_table_contains (seen, key))
    {
      g_free (name);
      return;
    }
  g_hash_table_add (seen, g_steal_pointer (&key));
  record = g_new0 (LcsPlannedRecord, 1);
  record->view = view;
  record->domain = g_strdup (domain);
  record->name = name;
  record->type = address && strchr (address, ':') ? LCS_TYPE_AAAA : LCS_TYPE_A;
  record->address = g_strdup (address);
  g_ptr_array_add (plan, record);
}

static void
add_srv (GPtrArray        *plan,
         const SrvRow     *row,
         const LcsProfile *profile,
         const char       *domain,
         const char       *target)
{
  LcsPlannedRecord *record = g_new0 (LcsPlannedRecord, 1);
  g_autofree char *owner = g_strdup_printf ("%s.%s.%s", row->service, row->protocol, domain);

  record->view = row->view;
  record->domain = g_strdup (domain);
  record->name = lcs_name_normalize (owner);
  record->type = LCS_TYPE_SRV;
  record->service = g_strdup (row->service);
  record->protocol = g_strdup (row->protocol);
  record->port = port_for (profile, row->port);
  record->target = lcs_name_normalize (target);
  g_ptr_array_add (plan, record);
}

static void
plan_view (GPtrArray        *plan,
           GHashTable       *seen,
           const LcsProfile *profile,
           const char       *domain,
           LcsView           view)
{
  guint product = 1u << profile->product;
  g_autofree char *host = view == LCS_VIEW_INTERNAL
                          ? lcs_profile_host_for_domain (profile, domain)
                          : lcs_profile_edge_for_domain (profile, domain);
  const char *address = view == LCS_VIEW_INTERNAL ? profile->pool_ip : profile->edge_ip;
  gsize i;

  if (host == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (srv_rows); i++)
    if ((srv_rows[i].products & product) && srv_rows[i].view == view &&
        condition_holds (profile, srv_rows[i].when))
      add_srv (plan, &srv_rows[i], profile, domain, host);

  add_address (plan, seen, view, domain, host, address);
  if (view != LCS_VIEW_INTERNAL)
    return;
  if (profile->pool && !lcs_name_equal (profile->pool, host) &&
      lcs_name_ends_in (profile->pool, domain))
    add_address (plan, seen, view, domain, profile->pool, address);
  for (i = 0; i < G_N_ELEMENTS (host_rows); i++)
    if (host_rows[i].products & product)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", host_rows[i].label, domain);
        add_address (plan, seen, view, domain, name, address);
      }
}

GPtrArray *
lcs_plan_build (const LcsProfile *profile)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < profile->domains->len; i++)
    {
      const char *domain = g_ptr_array_index (profile->domains, i);

      plan_view (plan, seen, profile, domain, LCS_VIEW_INTERNAL);
      if (profile->edge && profile->edge_ip)
        plan_view (plan, seen, profile, domain, LCS_VIEW_EXTERNAL);
    }
  return plan;
}

GArray *
lcs_plan_ports_for (const LcsProfile *profile,
                    const char       *service,
                    const char       *protocol,
                    int               view)
{
  GArray *ports = g_array_new (FALSE, FALSE, sizeof (guint16));
  guint product = 1u << profile->product;
  gsize i;
  guint j;

  for (i = 0; i < G_N_ELEMENTS (srv_rows); i++)
    {
      const SrvRow *row = &srv_rows[i];
      guint16 port = port_for (profile, row->port);
      gboolean seen = FALSE;

      if (!(row->products & product) || (view >= 0 && (int) row->view != view) ||
          g_ascii_strcasecmp (row->service, service) != 0 ||
          g_ascii_strcasecmp (row->protocol, protocol) != 0)
        continue;
      for (j = 0; j < ports->len; j++)
        seen = seen || g_array_index (ports, guint16, j) == port;
      if (!seen)
        g_array_append_val (ports, port);
    }
  return ports;
}
