/* The New Resource Record dialog's rules: each triggered, each with near misses that must not. */
#include <lcsdns/check/entry.h>
#include <string.h>

static LcsProfile *
make_profile (void)
{
  LcsProfile *profile = lcs_profile_new ();

  g_assert_true (lcs_profile_set (profile, "domains", "contoso.com,fabrikam.com", NULL));
  g_assert_true (lcs_profile_set (profile, "pool", "lcs.contoso.com", NULL));
  g_assert_true (lcs_profile_set (profile, "pool-ip", "192.0.2.10", NULL));
  g_assert_true (lcs_profile_set (profile, "transports", "tls,tcp", NULL));
  g_assert_true (lcs_profile_set (profile, "clients", "communicator,messenger", NULL));
  return profile;
}

static LcsSrvEntry *
make_entry (const char *domain,
            const char *service,
            const char *protocol,
            const char *port,
            const char *target)
{
  return lcs_srv_entry_new_full (domain, service, protocol, "0", "0", port, target);
}

static const LcsFinding *
find_rule (const LcsSrvResult *result,
           const char           *rule)
{
  guint i;

  for (i = 0; i < result->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (result->findings, i);
      if (strcmp (finding->rule->id, rule) == 0)
        return finding;
    }
  return NULL;
}

/* Triggers @rule; when the rule has a fix, applying it leaves no error at all. */
static void
assert_rule_and_fix (const LcsSrvEntry *entry,
                     const char        *rule)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, profile);
  const LcsFinding *finding = find_rule (result, rule);

  if (finding == NULL)
    g_error ("expected %s for %s / %s / %s / %s; got %u findings", rule, entry->service,
             entry->protocol, entry->port, entry->target, result->findings->len);
  g_assert_nonnull (finding->message);
  if (finding->fix_entry != NULL)
    {
      g_autoptr(LcsSrvResult) fixed = lcs_srv_entry_check (finding->fix_entry, profile);
      guint i;

      for (i = 0; i < fixed->findings->len; i++)
        {
          const LcsFinding *left = g_ptr_array_index (fixed->findings, i);
          if (left->severity != LCS_SEVERITY_INFO)
            g_error ("fix for %s leaves %s: %s", rule, left->rule->id, left->message);
        }
      g_assert_nonnull (fixed->record);
    }
}

static void
assert_clean (const LcsSrvEntry *entry)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, profile);

  if (result->findings->len > 0)
    {
      const LcsFinding *first = g_ptr_array_index (result->findings, 0);
      g_error ("expected no finding for %s / %s / %s / %s; got %s: %s", entry->service,
               entry->protocol, entry->port, entry->target, first->rule->id, first->message);
    }
  g_assert_nonnull (result->record);
}

/* The dialog's same-shaped cases, one row each: an entry that triggers @rule (and whose fix, when
 * it has one, leaves no error), or a near miss of @rule that must give no finding at all.
 * Priority and weight are "0" unless given. */
typedef struct {
  const char *rule;
  gboolean    near_miss;
  const char *domain;
  const char *service;
  const char *protocol;
  const char *port;
  const char *target;
  const char *priority;
  const char *weight;
} EntryCase;

#define TRIGGERS(rule, ...) { rule, FALSE, __VA_ARGS__ }
#define NEAR_MISS(rule, ...) { rule, TRUE, __VA_ARGS__ }

static const EntryCase entry_cases[] = {
  TRIGGERS ("srv-split", "contoso.com", "_sipinternaltls._tcp", "_tcp", "5061", "lcs.contoso.com"),
  NEAR_MISS ("srv-split", "contoso.com", "_SIPINTERNALTLS", "_TCP", "5061", "LCS.contoso.com"),
  NEAR_MISS ("srv-split", "contoso.com", "_sipinternaltls", "_tcp", "5061", "lcs.contoso.com."),
  NEAR_MISS ("srv-split", "contoso.com", "_ldap", "_tcp", "389", "dc01.contoso.com"),
  NEAR_MISS ("srv-split", "contoso.com", "_kerberos", "_udp", "88", "dc01.contoso.com"),
  NEAR_MISS ("srv-split", "contoso.com", "_ftp", "_tcp", "21", "ftp.contoso.com"),
  NEAR_MISS ("srv-split", "contoso.com", "_sip", "_tcp", "5060", "lcs.contoso.com"),
  NEAR_MISS ("srv-split", "fabrikam.com", "_sipinternaltls", "_tcp", "5061", "sip.fabrikam.com"),

  TRIGGERS ("srv-domain-in-service", "contoso.com", "_sip._tls.contoso.com", "_tls", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-domain-in-service", "contoso.com", "_sipinternaltls", "_tcp.contoso.com", "5061", "lcs.contoso.com"),
  NEAR_MISS ("srv-domain-in-service", "contoso.com", "_sipinternaltls", "_tcp", "5061", "sip.contoso.com"),

  TRIGGERS ("srv-underscore", "contoso.com", "sipinternaltls", "_tcp", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-underscore", "contoso.com", "_sipinternaltls", "tcp", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-underscore", "contoso.com", "_sip_tls", "", "5061", "lcs.contoso.com"),
  NEAR_MISS ("srv-underscore", "contoso.com", "_sip", "_tls", "5061", "lcs.contoso.com"),

  TRIGGERS ("srv-unknown-service", "contoso.com", "_sipinterntls", "_tcp", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-unknown-service", "contoso.com", "_sipinternl", "_tcp", "5060", "lcs.contoso.com"),
  NEAR_MISS ("srv-unknown-service", "contoso.com", "_sips", "_tcp", "5061", "lcs.contoso.com"),
  NEAR_MISS ("srv-unknown-service", "contoso.com", "_http", "_tcp", "80", "www.contoso.com"),

  TRIGGERS ("srv-wrong-protocol", "contoso.com", "_sipinternaltls", "_tls", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-wrong-protocol", "contoso.com", "_sipfederationtls", "_tls", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-wrong-protocol", "contoso.com", "_sip", "_udp", "5061", "lcs.contoso.com"),
  NEAR_MISS ("srv-wrong-protocol", "contoso.com", "_sipfederationtls", "_tcp", "5061", "lcs.contoso.com"),

  TRIGGERS ("srv-port", "contoso.com", "_sipinternaltls", "_tcp", "5060", "lcs.contoso.com"),
  TRIGGERS ("srv-port", "contoso.com", "_sipinternal", "_tcp", "5061", "lcs.contoso.com"),
  NEAR_MISS ("srv-port", "contoso.com", "_sipinternal", "_tcp", "5060", "lcs.contoso.com"),

  TRIGGERS ("srv-range", "contoso.com", "_sipinternaltls", "_tcp", "70000", "lcs.contoso.com"),
  TRIGGERS ("srv-range", "contoso.com", "_sipinternaltls", "_tcp", "5061", "lcs.contoso.com", "-1"),
  TRIGGERS ("srv-range", "contoso.com", "_sipinternaltls", "_tcp", "", "lcs.contoso.com"),
  NEAR_MISS ("srv-range", "contoso.com", "_sipinternaltls", "_tcp", "5061", "lcs.contoso.com", "0", "65535"),

  TRIGGERS ("srv-target-syntax", "contoso.com", "_sipinternaltls", "_tcp", "5061", "192.0.2.10"),
  TRIGGERS ("srv-target-syntax", "contoso.com", "_sipinternaltls", "_tcp", "5061", "_lcs.contoso.com"),
  TRIGGERS ("srv-target-syntax", "contoso.com", "_sipinternaltls", "_tcp", "5061", "lcs contoso.com"),
  TRIGGERS ("srv-target-syntax", "contoso.com", "_sipinternaltls", "_tcp", "5061", ""),
  TRIGGERS ("srv-target-syntax", "contoso.com", "_sipinternaltls", "_tcp", "5061",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.contoso.com"),

  TRIGGERS ("srv-target-dot", "contoso.com", "_sipinternaltls", "_tcp", "5061", "."),
  NEAR_MISS ("srv-target-dot", "contoso.com", "_sipinternaltls", "_tcp", "5061", "lcs.contoso.com."),

  TRIGGERS ("srv-target-domain", "fabrikam.com", "_sipinternaltls", "_tcp", "5061", "lcs.contoso.com"),
  TRIGGERS ("srv-target-domain", "contoso.com", "_sipinternaltls", "_tcp", "5061", "lcs.corp.contoso.com"),
};

static void
test_entry_case (gconstpointer data)
{
  const EntryCase *c = data;
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new_full (c->domain, c->service, c->protocol,
                                                         c->priority != NULL ? c->priority : "0",
                                                         c->weight != NULL ? c->weight : "0",
                                                         c->port, c->target);

  if (c->near_miss)
    assert_clean (entry);
  else
    assert_rule_and_fix (entry, c->rule);
}

static void
add_entry_cases (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (entry_cases); i++)
    {
      const EntryCase *c = &entry_cases[i];
      g_autofree char *path = g_strdup_printf ("/entry/%s/%s-%" G_GSIZE_FORMAT, c->rule,
                                               c->near_miss ? "near-miss" : "triggers", i);

      g_test_add_data_func (path, c, test_entry_case);
    }
}

/* What a row above cannot say: the exact value its fix types into one field, and a word of
 * its message. */
typedef struct {
  const char *rule;
  const char *domain;
  const char *service;
  const char *protocol;
  const char *port;
  const char *target;
  const char *field;      /* of the fix: service, protocol, port or target */
  const char *fixed;      /* its value */
  const char *message;    /* in the finding's message; NULL: not checked */
} FixCase;

static const FixCase fix_cases[] = {
  { "srv-split", "contoso.com", "_sipinternaltls._tcp", "_tcp", "5061", "lcs.contoso.com",
    "service", "_sipinternaltls", NULL },
  { "srv-split", "contoso.com", "_sipinternaltls._tcp", "_tcp", "5061", "lcs.contoso.com",
    "protocol", "_tcp", NULL },
  { "srv-underscore", "contoso.com", "_sip_tls", "", "5061", "lcs.contoso.com",
    "service", "_sip", NULL },
  { "srv-underscore", "contoso.com", "_sip_tls", "", "5061", "lcs.contoso.com",
    "protocol", "_tls", NULL },
  { "srv-unknown-service", "contoso.com", "_sipinterntls", "_tcp", "5061", "lcs.contoso.com",
    "service", "_sipinternaltls", "did you mean" },
  { "srv-port", "contoso.com", "_sipinternal", "_tcp", "5061", "lcs.contoso.com",
    "port", "5060", "5061" },
  { "srv-target-domain", "fabrikam.com", "_sipinternaltls", "_tcp", "5061", "lcs.contoso.com",
    "target", "sip.fabrikam.com.", NULL },
};

static const char *
entry_field (const LcsSrvEntry *entry,
             const char        *field)
{
  if (g_str_equal (field, "service"))
    return entry->service;
  if (g_str_equal (field, "protocol"))
    return entry->protocol;
  if (g_str_equal (field, "port"))
    return entry->port;
  g_assert_cmpstr (field, ==, "target");
  return entry->target;
}

static void
test_fix_case (gconstpointer data)
{
  const FixCase *c = data;
  g_autoptr(LcsSrvEntry) entry = make_entry (c->domain, c->service, c->protocol, c->port, c->target);
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, profile);
  const LcsFinding *finding = find_rule (result, c->rule);

  g_assert_nonnull (finding);
  g_assert_nonnull (finding->fix_entry);
  g_assert_cmpstr (entry_field (finding->fix_entry, c->field), ==, c->fixed);
  if (c->message != NULL)
    g_assert_nonnull (strstr (finding->message, c->message));
}

static void
add_fix_cases (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (fix_cases); i++)
    {
      const FixCase *c = &fix_cases[i];
      g_autofree char *path = g_strdup_printf ("/entry/%s/fix-%s", c->rule, c->field);

      g_test_add_data_func (path, c, test_fix_case);
    }
}

/* The owner Windows builds from a split Service. */
static void
test_split_owner (void)
{
  g_autoptr(LcsSrvEntry) e = make_entry ("contoso.com", "_sipinternaltls._tcp", "_tcp", "5061",
                                         "lcs.contoso.com");
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (e, NULL);

  g_assert_cmpstr (result->owner, ==, "_sipinternaltls._tcp._tcp.contoso.com.");
}

/* A service that is not a SIP one, typed with the domain and no protocol: the fix removes the
 * domain and invents no protocol (it used to copy the plan's NULL: "Protocol: (null)"). The near
 * miss: a SIP service without a protocol gets its own. */
static void
test_domain_in_service_no_protocol (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvEntry) www = make_entry ("contoso.com", "www.contoso.com", "", "5061",
                                           "sip.contoso.com");
  g_autoptr(LcsSrvEntry) sip = make_entry ("contoso.com", "_sipinternaltls.contoso.com", "", "5061",
                                           "lcs.contoso.com");
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (www, profile);
  g_autoptr(LcsSrvResult) sip_result = lcs_srv_entry_check (sip, profile);
  const LcsFinding *finding = find_rule (result, "srv-domain-in-service");
  const LcsFinding *sip_finding = find_rule (sip_result, "srv-domain-in-service");
  g_autoptr(LcsSrvEntry) fixed = NULL;

  g_assert_nonnull (finding);
  g_assert_nonnull (finding->fix_entry);
  g_assert_cmpstr (finding->fix_entry->protocol, ==, "");
  g_assert_cmpstr (finding->fix, ==, "Service: _www (owner _www.contoso.com.)");
  fixed = lcs_srv_entry_apply_fixes (www, result->findings);
  g_assert_cmpstr (fixed->service, ==, "_www");
  g_assert_cmpstr (fixed->protocol, ==, "");
  g_assert_nonnull (sip_finding);
  g_assert_cmpstr (sip_finding->fix_entry->protocol, ==, "_tcp");
}

static void
test_port_by_generation (void)
{
  g_autoptr(LcsProfile) lync = make_profile ();
  g_autoptr(LcsSrvEntry) external_5061 = make_entry ("contoso.com", "_sip", "_tls", "5061",
                                                     "sip.contoso.com");
  g_autoptr(LcsSrvResult) result = NULL;

  g_assert_true (lcs_profile_set (lync, "product", "lync", NULL));
  result = lcs_srv_entry_check (external_5061, lync);
  g_assert_nonnull (find_rule (result, "srv-port"));
  g_clear_pointer (&result, lcs_srv_result_free);

  g_free (external_5061->port);
  external_5061->port = g_strdup ("443");
  result = lcs_srv_entry_check (external_5061, lync);
  g_assert_null (find_rule (result, "srv-port"));
}

/* A target with a hyphen and the final dot is a host name. */
static void
test_target_syntax (void)
{
  g_autoptr(LcsSrvEntry) ok = make_entry ("contoso.com", "_sipinternaltls", "_tcp", "5061",
                                          "lcs-01.contoso.com.");
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (ok, profile);

  g_assert_null (find_rule (result, "srv-target-syntax"));
}

/* Suffix matching accepts a name deeper in the domain, which strict matching refuses (a row
 * above). */
static void
test_target_domain_suffix (void)
{
  g_autoptr(LcsSrvEntry) deeper = make_entry ("contoso.com", "_sipinternaltls", "_tcp", "5061",
                                              "lcs.corp.contoso.com");
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvResult) result = NULL;

  g_assert_true (lcs_profile_set (profile, "matching", "suffix", NULL));
  result = lcs_srv_entry_check (deeper, profile);
  g_assert_null (find_rule (result, "srv-target-domain"));
}

static void
test_owner_preview (void)
{
  g_autoptr(LcsSrvEntry) e = make_entry ("contoso.com", "_sipinternaltls", "_tcp", "5061",
                                         "lcs.contoso.com");
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (e, NULL);
  g_autofree char *record = lcs_record_to_zone_line (result->record);

  g_assert_cmpstr (result->owner, ==, "_sipinternaltls._tcp.contoso.com.");
  g_assert_cmpstr (record, ==,
                   "_sipinternaltls._tcp.contoso.com. 3600 IN SRV 0 0 5061 lcs.contoso.com.");
  g_assert_cmpuint (result->errors, ==, 0);
}

static void
test_intended_owner (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  const char *cases[][2] = {
    { "_sipinternaltls._tcp._tcp.contoso.com.", "_sipinternaltls._tcp.contoso.com." },
    { "_sip._tls.contoso.com._tls.contoso.com.", "_sip._tls.contoso.com." },
    { "_sip._tls.contoso.com.contoso.com.", "_sip._tls.contoso.com." },
    { "sipinternaltls._tcp.contoso.com.", "_sipinternaltls._tcp.contoso.com." },
    { "_sip_tls.contoso.com.", "_sip._tls.contoso.com." },
    { "_sipinternaltls._udp.fabrikam.com.", "_sipinternaltls._tcp.fabrikam.com." },
    { "_sipinternaltls._tcp.contoso.com.", "_sipinternaltls._tcp.contoso.com." },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *intended = lcs_srv_intended_owner (cases[i][0], NULL, profile);
      g_assert_cmpstr (intended, ==, cases[i][1]);
    }
  g_assert_null (lcs_srv_intended_owner ("_ldap._tcp.contoso.com.", NULL, profile));
  g_assert_null (lcs_srv_intended_owner ("_kerberos._udp.contoso.com.", NULL, profile));
}

static void
test_from_record (void)
{
  g_autoptr(LcsSrvEntry) split = lcs_srv_entry_from_record ("_sipinternaltls._tcp._tcp.contoso.com.",
                                                            "contoso.com", 0, 0, 5061,
                                                            "lcs.contoso.com.");
  g_autoptr(LcsSrvEntry) joined = lcs_srv_entry_from_record ("_sip_tls.contoso.com.", "contoso.com.",
                                                             1, 2, 443, "edge.contoso.com.");

  g_assert_cmpstr (split->domain, ==, "contoso.com");
  g_assert_cmpstr (split->service, ==, "_sipinternaltls._tcp");
  g_assert_cmpstr (split->protocol, ==, "_tcp");
  g_assert_cmpstr (split->port, ==, "5061");
  g_assert_cmpstr (split->target, ==, "lcs.contoso.com");
  g_assert_cmpstr (joined->service, ==, "_sip_tls");
  g_assert_cmpstr (joined->protocol, ==, "");
  g_assert_cmpstr (joined->priority, ==, "1");
  g_assert_cmpstr (joined->weight, ==, "2");
  g_assert_null (lcs_srv_entry_from_record ("_sip._tls.fabrikam.com.", "contoso.com", 0, 0, 0, "."));
  g_assert_null (lcs_srv_entry_from_record ("contoso.com.", "contoso.com", 0, 0, 0, "."));
}

static void
test_apply_fixes (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvEntry) typed = make_entry ("contoso.com", "_sipinternaltls._tcp", "_tcp", "5060",
                                             "lcs.fabrikam.com");
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (typed, profile);
  g_autoptr(LcsSrvEntry) fixed = lcs_srv_entry_apply_fixes (typed, result->findings);
  g_autoptr(LcsSrvResult) again = lcs_srv_entry_check (fixed, profile);

  g_assert_cmpuint (result->errors, >=, 2);
  g_assert_cmpstr (fixed->service, ==, "_sipinternaltls");
  g_assert_cmpstr (fixed->port, ==, "5061");
  g_assert_cmpstr (fixed->target, ==, "lcs.contoso.com.");
  g_assert_cmpuint (again->findings->len, ==, 0);
}

static void
test_host_entry (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new ("fabrikam.com");
  g_autoptr(LcsHostResult) result = NULL;

  g_free (entry->name);
  entry->name = g_strdup ("sip");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.10");
  result = lcs_host_entry_check (entry, profile);
  g_assert_cmpstr (result->fqdn, ==, "sip.fabrikam.com.");
  g_assert_cmpuint (result->type, ==, LCS_TYPE_A);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpstr (result->record, ==, "sip.fabrikam.com. 3600 IN A 192.0.2.10");
  g_clear_pointer (&result, lcs_host_result_free);

  g_free (entry->name);
  entry->name = g_strdup ("sip.fabrikam.com");
  result = lcs_host_entry_check (entry, profile);
  g_assert_cmpuint (result->errors, ==, 1);
  g_assert_cmpstr (result->fqdn, ==, "sip.fabrikam.com.fabrikam.com.");
  g_clear_pointer (&result, lcs_host_result_free);

  g_free (entry->name);
  entry->name = g_strdup ("");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.300");
  result = lcs_host_entry_check (entry, profile);
  g_assert_cmpstr (result->fqdn, ==, "fabrikam.com.");
  g_assert_cmpuint (result->errors, ==, 1);
  g_assert_null (result->record);
  g_clear_pointer (&result, lcs_host_result_free);

  g_free (entry->address);
  entry->address = g_strdup ("2001:db8::10");
  result = lcs_host_entry_check (entry, profile);
  g_assert_cmpuint (result->type, ==, LCS_TYPE_AAAA);
  g_assert_cmpuint (result->errors, ==, 0);
}

static const LcsFinding *
find_host_rule (const LcsHostResult *result,
                const char          *rule)
{
  for (guint i = 0; i < result->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (result->findings, i);
      if (strcmp (finding->rule->id, rule) == 0)
        return finding;
    }
  return NULL;
}

/* Name and IP address typed in @domain trigger @rule; its fix_host is @name/@address (NULL:
 * no fix), and typing that fix leaves no error and no warning. */
static void
assert_host_fix (const LcsProfile *profile,
                 const char       *domain,
                 const char       *name,
                 const char       *address,
                 const char       *rule,
                 const char       *fixed_name,
                 const char       *fixed_address)
{
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new (domain);
  g_autoptr(LcsHostResult) result = NULL;
  g_autoptr(LcsHostResult) fixed = NULL;
  const LcsFinding *finding;

  g_free (entry->name);
  entry->name = g_strdup (name);
  g_free (entry->address);
  entry->address = g_strdup (address);
  result = lcs_host_entry_check (entry, profile);
  finding = find_host_rule (result, rule);
  if (finding == NULL)
    g_error ("expected %s for “%s” / “%s”", rule, name, address);
  g_assert_cmpuint (result->errors, >, 0);
  g_assert_null (finding->fix_entry);
  if (fixed_name == NULL)
    {
      g_assert_null (finding->fix_host);
      return;
    }
  g_assert_nonnull (finding->fix_host);
  g_assert_cmpstr (finding->fix_host->domain, ==, domain);
  g_assert_cmpstr (finding->fix_host->name, ==, fixed_name);
  g_assert_cmpstr (finding->fix_host->address, ==, fixed_address);

  fixed = lcs_host_entry_check (finding->fix_host, profile);
  for (guint i = 0; i < fixed->findings->len; i++)
    {
      const LcsFinding *left = g_ptr_array_index (fixed->findings, i);
      if (left->severity != LCS_SEVERITY_INFO)
        g_error ("fix for %s leaves %s: %s", rule, left->rule->id, left->message);
    }
  g_assert_cmpuint (fixed->errors, ==, 0);
  g_assert_nonnull (fixed->record);
}

static void
test_host_fixes (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsProfile) pool = make_profile ();
  g_autoptr(LcsProfile) no_pool_ip = lcs_profile_new ();
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new ("contoso.com");
  g_autoptr(LcsHostResult) result = NULL;
  g_autoptr(LcsFinding) copy = NULL;

  assert_host_fix (profile, "fabrikam.com", "sip.fabrikam.com", "192.0.2.20", "host-name",
                   "sip", "192.0.2.20");
  assert_host_fix (profile, "contoso.com", "sip.fabrikam.com.", "192.0.2.20", "host-name",
                   "sip", "192.0.2.20");
  assert_host_fix (profile, "contoso.com", "sip", "", "host-address", "sip", "192.0.2.10");
  assert_host_fix (profile, "contoso.com", "sip", "192.0.2.300", "host-address",
                   "sip", "192.0.2.10");
  assert_host_fix (profile, "contoso.com", "", "2001:db8::zz", "host-address", "", "192.0.2.10");
  /* A label Windows refuses is no fix to type, dotted or not. */
  assert_host_fix (profile, "contoso.com", "sip_1.contoso.com", "192.0.2.20", "host-name",
                   NULL, NULL);
  assert_host_fix (profile, "contoso.com", ".contoso.com", "192.0.2.20", "host-name",
                   NULL, NULL);
  assert_host_fix (profile, "contoso.com", "-sip", "192.0.2.20", "host-name", NULL, NULL);
  /* Without a pool-ip there is no address to propose. */
  g_assert_true (lcs_profile_set (no_pool_ip, "domains", "contoso.com", NULL));
  assert_host_fix (no_pool_ip, "contoso.com", "sip", "192.0.2.300", "host-address", NULL, NULL);
  assert_host_fix (NULL, "contoso.com", "sip", "", "host-address", NULL, NULL);

  g_assert_true (lcs_profile_set (pool, "edition", "enterprise", NULL));
  g_assert_true (lcs_profile_set (pool, "members",
                                  "fe01.contoso.com=192.0.2.21,fe02.contoso.com=192.0.2.22", NULL));
  assert_host_fix (pool, "contoso.com", "lcs", "192.0.2.22", "pool-vip", "lcs", "192.0.2.10");

  /* The fix travels with a copy of the finding and goes with it. */
  g_free (entry->name);
  entry->name = g_strdup ("sip.contoso.com");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.20");
  result = lcs_host_entry_check (entry, profile);
  copy = lcs_finding_copy (find_host_rule (result, "host-name"));
  g_clear_pointer (&result, lcs_host_result_free);
  g_assert_cmpstr (copy->fix_host->name, ==, "sip");
  g_assert_cmpstr (copy->fix_host->domain, ==, "contoso.com");
}

/* Issue 11 item 3: a record typed in the external view is checked against that view's plan. */
static void
test_external_view (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvEntry) sip_tls = make_entry ("fabrikam.com", "_sip", "_tls", "443", "sip.contoso.com");
  g_autoptr(LcsSrvEntry) on_edge = make_entry ("contoso.com", "_sip", "_tls", "443", "edge.contoso.com");
  g_autoptr(LcsSrvEntry) internal_only = make_entry ("contoso.com", "_sipinternaltls", "_tcp", "5061",
                                                     "lcs.contoso.com");
  g_autoptr(LcsSrvResult) outside = NULL;
  g_autoptr(LcsSrvResult) edge = NULL;
  g_autoptr(LcsSrvResult) leak = NULL;
  g_autoptr(LcsSrvResult) inside = NULL;
  const LcsFinding *finding;

  g_assert_true (lcs_profile_set (profile, "edge", "edge.contoso.com", NULL));
  g_assert_true (lcs_profile_set (profile, "edge-ip", "198.51.100.5", NULL));

  /* Outside, the target in another domain is fixed to E(D), not to the internal pool. */
  outside = lcs_srv_entry_check_in_view (sip_tls, profile, LCS_VIEW_EXTERNAL);
  finding = find_rule (outside, "srv-target-domain");
  g_assert_nonnull (finding);
  g_assert_nonnull (finding->fix_entry);
  g_assert_cmpstr (finding->fix_entry->target, ==, "sip.fabrikam.com.");
  g_assert_cmpint (finding->view, ==, LCS_VIEW_EXTERNAL);
  edge = lcs_srv_entry_check_in_view (on_edge, profile, LCS_VIEW_EXTERNAL);
  g_assert_null (find_rule (edge, "srv-target-domain"));
  g_assert_null (find_rule (edge, "dns-split-view"));

  /* An internal-only record outside is a finding; inside, it is the planned record. */
  leak = lcs_srv_entry_check_in_view (internal_only, profile, LCS_VIEW_EXTERNAL);
  g_assert_nonnull (find_rule (leak, "dns-split-view"));
  inside = lcs_srv_entry_check_in_view (internal_only, profile, LCS_VIEW_INTERNAL);
  g_assert_cmpuint (inside->findings->len, ==, 0);
}

/* Issue 11 item 4: the protocol typed into Service, with Protocol left empty. */
static void
test_protocol_in_service_only (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsSrvEntry) entry = make_entry ("contoso.com", "_sipinternaltls._tcp", "", "5061",
                                             "lcs.contoso.com");
  g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (entry, profile);

  g_assert_cmpuint (result->findings->len, >, 0);
  g_assert_cmpuint (result->errors, >, 0);
}

/* Each finding names the dialog fields it is about: those its fix changes, else those its rule
 * concerns; a field the finding is not about stays unmarked. */
static void
test_finding_fields (void)
{
  const struct {
    const char     *service, *protocol, *priority, *port, *target;
    gboolean        with_profile;
    const char     *rule;
    LcsEntryFields  fields;
  } cases[] = {
    { "_sipinternaltls._tcp", "_tcp", "0", "5061", "lcs.contoso.com", TRUE, "srv-split",
      LCS_ENTRY_FIELD_SERVICE },
    { "_sipinternaltls", "_udp", "0", "5061", "lcs.contoso.com", TRUE, "srv-wrong-protocol",
      LCS_ENTRY_FIELD_PROTOCOL },
    { "_sipinternaltls", "_tcp", "x", "5061", "lcs.contoso.com", TRUE, "srv-range",
      LCS_ENTRY_FIELD_PRIORITY },
    { "_sipinternaltls", "_tcp", "0", "5060", "lcs.contoso.com", TRUE, "srv-port",
      LCS_ENTRY_FIELD_PORT },
    /* No profile: no host to type, so the rule says which field. */
    { "_sipinternaltls", "_tcp", "0", "5061", ".", FALSE, "srv-target-dot",
      LCS_ENTRY_FIELD_TARGET },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LcsProfile) profile = cases[i].with_profile ? make_profile () : NULL;
      g_autoptr(LcsSrvEntry) e = lcs_srv_entry_new_full ("contoso.com", cases[i].service,
                                                         cases[i].protocol, cases[i].priority,
                                                         "0", cases[i].port, cases[i].target);
      g_autoptr(LcsSrvResult) result = lcs_srv_entry_check (e, profile);
      const LcsFinding *finding = find_rule (result, cases[i].rule);

      g_assert_nonnull (finding);
      g_assert_cmpuint (finding->fields, ==, cases[i].fields);
      g_assert_cmpint (finding->rule->subject, ==, LCS_SUBJECT_SRV);
    }
}

static void
test_host_finding_fields (void)
{
  g_autoptr(LcsProfile) profile = make_profile ();
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new ("contoso.com");
  g_autoptr(LcsHostResult) name = NULL;
  g_autoptr(LcsHostResult) address = NULL;

  g_free (entry->name);
  entry->name = g_strdup ("sip.contoso.com");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.10");
  name = lcs_host_entry_check (entry, profile);
  g_assert_cmpuint (name->findings->len, ==, 1);
  g_assert_cmpuint (((LcsFinding *) g_ptr_array_index (name->findings, 0))->fields, ==,
                    LCS_ENTRY_FIELD_HOST_NAME);

  g_free (entry->name);
  entry->name = g_strdup ("sip");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.300");
  address = lcs_host_entry_check (entry, profile);
  g_assert_cmpuint (address->findings->len, ==, 1);
  g_assert_cmpuint (((LcsFinding *) g_ptr_array_index (address->findings, 0))->fields, ==,
                    LCS_ENTRY_FIELD_HOST_ADDRESS);
  g_assert_cmpint (((LcsFinding *) g_ptr_array_index (address->findings, 0))->rule->subject, ==,
                   LCS_SUBJECT_HOST);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entry/owner-preview", test_owner_preview);
  add_entry_cases ();
  add_fix_cases ();
  g_test_add_func ("/entry/srv-split-owner", test_split_owner);
  g_test_add_func ("/entry/srv-domain-in-service-no-protocol", test_domain_in_service_no_protocol);
  g_test_add_func ("/entry/srv-port-generation", test_port_by_generation);
  g_test_add_func ("/entry/srv-target-syntax", test_target_syntax);
  g_test_add_func ("/entry/srv-target-domain-suffix", test_target_domain_suffix);
  g_test_add_func ("/entry/intended-owner", test_intended_owner);
  g_test_add_func ("/entry/from-record", test_from_record);
  g_test_add_func ("/entry/apply-fixes", test_apply_fixes);
  g_test_add_func ("/entry/host", test_host_entry);
  g_test_add_func ("/entry/host-fixes", test_host_fixes);
  g_test_add_func ("/entry/external-view", test_external_view);
  g_test_add_func ("/entry/protocol-in-service-only", test_protocol_in_service_only);
  g_test_add_func ("/entry/finding-fields", test_finding_fields);
  g_test_add_func ("/entry/host-finding-fields", test_host_finding_fields);
  return g_test_run ();
}
