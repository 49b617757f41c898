/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plan (docs/spec.md §3): the records per generation, per domain, per view. */
#include <lcsdns/profile/generation.h>
#include <lcsdns/profile/plan.h>
#include <string.h>

static LcsProfile *
make_profile (const char *product,
              const char *transports,
              const char *clients)
{
  LcsProfile *p = lcs_profile_new ();

  g_assert_true (lcs_profile_set (p, "product", product, NULL));
  g_assert_true (lcs_profile_set (p, "domains", "contoso.com", NULL));
  g_assert_true (lcs_profile_set (p, "pool", "lcs.contoso.com", NULL));
  g_assert_true (lcs_profile_set (p, "pool-ip", "192.0.2.10", NULL));
  g_assert_true (lcs_profile_set (p, "transports", transports, NULL));
  g_assert_true (lcs_profile_set (p, "clients", clients, NULL));
  return p;
}

/* "name TYPE data view" lines, one per planned record. */
static char *
describe (GPtrArray *plan)
{
  GString *out = g_string_new (NULL);
  guint i;

  for (i = 0; i < plan->len; i++)
    {
      const LcsPlannedRecord *r = g_ptr_array_index (plan, i);
      g_autofree char *data = lcs_planned_record_data (r);
      g_string_append_printf (out, "%s %s %s %s\n", r->name, r->type == LCS_TYPE_SRV ? "SRV" : "A",
                              data, lcs_view_to_string (r->view));
    }
  return g_string_free (out, FALSE);
}

static void
test_article (void)
{
  g_autoptr(LcsProfile) p = make_profile ("lcs2005", "both", "communicator,messenger");
  g_autoptr(GPtrArray) plan = lcs_plan_build (p);
  g_autofree char *text = describe (plan);

  g_assert_cmpstr (text, ==,
    "_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com. internal\n"
    "_sipinternal._tcp.contoso.com. SRV 0 0 5060 lcs.contoso.com. internal\n"
    "_sip._tls.contoso.com. SRV 0 0 5061 lcs.contoso.com. internal\n"
    "_sip._tcp.contoso.com. SRV 0 0 5060 lcs.contoso.com. internal\n"
    "lcs.contoso.com. A 192.0.2.10 internal\n");
}

static void
test_generations (void)
{
  g_autoptr(LcsProfile) ocs = make_profile ("ocs2007r2", "tls", "communicator");
  g_autoptr(LcsProfile) lync = make_profile ("lync", "tcp", "communicator");
  g_autoptr(GPtrArray) ocs_plan = NULL;
  g_autoptr(GPtrArray) lync_plan = NULL;
  g_autofree char *ocs_text = NULL;
  g_autofree char *lync_text = NULL;

  g_assert_true (lcs_profile_set (ocs, "edge", "edge.contoso.com", NULL));
  g_assert_true (lcs_profile_set (ocs, "edge-ip", "203.0.113.10", NULL));
  g_assert_true (lcs_profile_set (ocs, "federation", "true", NULL));
  ocs_plan = lcs_plan_build (ocs);
  ocs_text = describe (ocs_plan);
  g_assert_cmpstr (ocs_text, ==,
    "_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com. internal\n"
    "lcs.contoso.com. A 192.0.2.10 internal\n"
    "_sip._tls.contoso.com. SRV 0 0 443 edge.contoso.com. external\n"
    "_sipfederationtls._tcp.contoso.com. SRV 0 0 5061 edge.contoso.com. external\n"
    "edge.contoso.com. A 203.0.113.10 external\n"
    "sip.contoso.com. A 203.0.113.10 external\n");

  /* Lync: _sipinternaltls always, no _sipinternal, lyncdiscoverinternal. */
  lync_plan = lcs_plan_build (lync);
  lync_text = describe (lync_plan);
  g_assert_cmpstr (lync_text, ==,
    "_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com. internal\n"
    "lcs.contoso.com. A 192.0.2.10 internal\n"
    "lyncdiscoverinternal.contoso.com. A 192.0.2.10 internal\n");
}

static void
test_multi_domain (void)
{
  g_autoptr(LcsProfile) p = make_profile ("lcs2005", "tls", "communicator");
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *text = NULL;

  g_assert_true (lcs_profile_set (p, "domains", "fabrikam.com", NULL));
  plan = lcs_plan_build (p);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
    "_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com. internal\n"
    "lcs.contoso.com. A 192.0.2.10 internal\n"
    "_sipinternaltls._tcp.fabrikam.com. SRV 0 0 5061 sip.fabrikam.com. internal\n"
    "sip.fabrikam.com. A 192.0.2.10 internal\n");
}

static void
test_ports_for (void)
{
  g_autoptr(LcsProfile) lcs = make_profile ("lcs2005", "tls", "communicator");
  g_autoptr(GArray) ports = lcs_plan_ports_for (lcs, "_sip", "_tls", -1);
  g_autoptr(GArray) none = lcs_plan_ports_for (lcs, "_ldap", "_tcp", -1);

  g_assert_cmpuint (ports->len, ==, 1);
  g_assert_cmpuint (g_array_index (ports, guint16, 0), ==, 5061);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (lcs_plan_is_sip_service ("_SIP"));
  g_assert_false (lcs_plan_is_sip_service ("_ldap"));
  g_assert_cmpstr (lcs_plan_protocol_for ("_sipfederationtls"), ==, "_tcp");
  /* Any case; and a near miss of the same length, or one byte short, is no TCP-only service. */
  g_assert_cmpstr (lcs_plan_protocol_for ("_SipInternalTLS"), ==, "_tcp");
  g_assert_cmpstr (lcs_plan_protocol_for ("_SIPINTERNAL"), ==, "_tcp");
  g_assert_null (lcs_plan_protocol_for ("_sipinternaltlx"));
  g_assert_null (lcs_plan_protocol_for ("_sipinternalt"));
  g_assert_null (lcs_plan_protocol_for ("_sip"));
  g_assert_null (lcs_plan_protocol_for (""));
}

/* Online: only Microsoft 365's external records; hybrid: the on-premises plan with federation. */
static void
test_hosting (void)
{
  g_autoptr(LcsProfile) online = lcs_profile_new ();
  g_autoptr(LcsProfile) hybrid = make_profile ("lync", "tls", "communicator");
  g_autoptr(LcsProfile) lcs = make_profile ("lcs2005", "tls", "communicator");
  g_autoptr(GPtrArray) online_plan = NULL;
  g_autoptr(GPtrArray) hybrid_plan = NULL;
  g_autofree char *online_text = NULL;
  g_autofree char *hybrid_text = NULL;

  g_assert_true (lcs_profile_set (online, "product", "lync", NULL));
  g_assert_true (lcs_profile_set (online, "domains", "contoso.com", NULL));
  g_assert_true (lcs_profile_set (online, "hosting", "online", NULL));
  online_plan = lcs_plan_build (online);
  online_text = describe (online_plan);
  g_assert_cmpstr (online_text, ==,
    "_sip._tls.contoso.com. SRV 100 1 443 sipdir.online.lync.com. external\n"
    "_sipfederationtls._tcp.contoso.com. SRV 100 1 5061 sipfed.online.lync.com. external\n"
    "sip.contoso.com. A sipdir.online.lync.com. external\n"
    "lyncdiscover.contoso.com. A webdir.online.lync.com. external\n");
  g_assert_cmpint (((LcsPlannedRecord *) online_plan->pdata[2])->type, ==, LCS_TYPE_CNAME);
  g_assert_true (lcs_plan_has_view (online, LCS_VIEW_EXTERNAL));
  g_assert_false (lcs_plan_has_view (online, LCS_VIEW_INTERNAL));
  g_assert_true (lcs_plan_hosted_target (online, "_sip", "_tls", "sipdir.online.lync.com."));
  g_assert_false (lcs_plan_hosted_target (online, "_sip", "_tls", "sip.fabrikam.com."));
  g_assert_false (lcs_plan_hosted_target (lcs, "_sip", "_tls", "sipdir.online.lync.com."));
  g_assert_false (lcs_plan_has_view (lcs, LCS_VIEW_EXTERNAL));

  g_assert_true (lcs_profile_set (hybrid, "hosting", "hybrid", NULL));
  g_assert_true (lcs_profile_set (hybrid, "edge", "sip.contoso.com", NULL));
  g_assert_true (lcs_profile_set (hybrid, "edge-ip", "203.0.113.10", NULL));
  hybrid_plan = lcs_plan_build (hybrid);
  hybrid_text = describe (hybrid_plan);
  g_assert_cmpstr (hybrid_text, ==,
    "_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com. internal\n"
    "lcs.contoso.com. A 192.0.2.10 internal\n"
    "lyncdiscoverinternal.contoso.com. A 192.0.2.10 internal\n"
    "_sip._tls.contoso.com. SRV 0 0 443 sip.contoso.com. external\n"
    "_sipfederationtls._tcp.contoso.com. SRV 0 0 5061 sip.contoso.com. external\n"
    "sip.contoso.com. A 203.0.113.10 external\n");
}

/* HACKING's recipe: a new generation is one table entry. This one exists only here, and the
 * profile, the plan, the services and the docs all know it without another edit. */
static const char *const throwaway_services[] = { "_sipinternaltls._tcp", NULL };
static const LcsPlanRow throwaway_rows[] = {
  { .view = LCS_VIEW_INTERNAL, .type = LCS_TYPE_SRV, .name = LCS_ROW_NAME_SRV,
    .label = "_sipinternaltls._tcp", .data = LCS_ROW_DATA_HOST,
    .port_from = LCS_ROW_PORT_FIXED, .port = 6061, .what = "sign-in on 6061", .source = "this test" },
  { .view = LCS_VIEW_INTERNAL, .type = LCS_TYPE_A, .name = LCS_ROW_NAME_LABEL,
    .label = "throwaway", .data = LCS_ROW_DATA_POOL, .what = "throwaway.D A", .source = "this test" },
};
static const LcsGeneration throwaway = {
  "throwaway2099", "Throw-away Server 2099", throwaway_services,
  throwaway_rows, G_N_ELEMENTS (throwaway_rows), FALSE, FALSE,
};

static void
test_throwaway_generation (void)
{
  guint before = lcs_generations_count ();
  LcsProduct product = lcs_generation_register (&throwaway);
  g_autoptr(LcsProfile) p = make_profile ("throwaway2099", "tls", "communicator");
  g_autoptr(LcsProfile) reloaded = NULL;
  g_autoptr(GPtrArray) plan = lcs_plan_build (p);
  g_autofree char *text = describe (plan);
  g_autofree char *data = lcs_profile_to_data (p, NULL);
  g_autofree char *docs = lcs_reference_to_markdown ();

  g_assert_cmpuint (lcs_generations_count (), ==, before + 1);
  g_assert_cmpint (p->product, ==, product);
  g_assert_cmpstr (lcs_product_display_name (product), ==, "Throw-away Server 2099");
  g_assert_true (lcs_plan_sip_services (product) == throwaway_services);
  g_assert_cmpstr (text, ==,
    "_sipinternaltls._tcp.contoso.com. SRV 0 0 6061 lcs.contoso.com. internal\n"
    "throwaway.contoso.com. A 192.0.2.10 internal\n");
  reloaded = lcs_profile_load_data (data, -1, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpint (reloaded->product, ==, product);
  g_assert_nonnull (strstr (docs, "Throw-away Server 2099"));
  /* Registering again is the same generation, not a second one. */
  g_assert_cmpint (lcs_generation_register (&throwaway), ==, product);
  g_assert_cmpuint (lcs_generations_count (), ==, before + 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/article", test_article);
  g_test_add_func ("/plan/generations", test_generations);
  g_test_add_func ("/plan/multi-domain", test_multi_domain);
  g_test_add_func ("/plan/ports-for", test_ports_for);
  g_test_add_func ("/plan/hosting", test_hosting);
  g_test_add_func ("/plan/throwaway-generation", test_throwaway_generation);
  return g_test_run ();
}
