/* Plan (SPEC §3): the records per generation, per domain, per view. */
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
    "edge.contoso.com. A 203.0.113.10 external\n");

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
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/article", test_article);
  g_test_add_func ("/plan/generations", test_generations);
  g_test_add_func ("/plan/multi-domain", test_multi_domain);
  g_test_add_func ("/plan/ports-for", test_ports_for);
  return g_test_run ();
}
