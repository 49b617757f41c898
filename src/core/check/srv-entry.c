/* The Windows New Resource Record dialogs: what the admin types → what Windows creates, and the
 * docs/spec.md §4 rules that need no DNS data. Windows builds the owner as <Service>.<Protocol>.<Domain>
 * and keeps each field whole, so every mistake shows as extra, missing or misspelt labels. */
#include <lcsdns/check/entry.h>

#include "entry-private.h"

#include <gio/gio.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/plan.h>
#include <string.h>

/* g_set_str () arrives with GLib 2.76; Debian 12 has 2.74. */
static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static char *
ports_to_text (GArray *ports)
{
  GString *text = g_string_new (NULL);
  guint i;

  for (i = 0; i < ports->len; i++)
    g_string_append_printf (text, "%s%u", i == 0 ? "" : " or ", g_array_index (ports, guint16, i));
  return g_string_free (text, FALSE);
}

static gboolean
parse_number (const char *text,
              guint16    *value)
{
  guint64 number;

  if (text == NULL || *text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, 65535, &number, NULL))
    return FALSE;
  *value = (guint16) number;
  return TRUE;
}

LcsSrvEntry *
lcs_srv_entry_apply_fixes (const LcsSrvEntry *entry,
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

void
lcs_srv_result_free (LcsSrvResult *result)
{
  if (result == NULL)
    return;
  g_free (result->owner);
  g_clear_pointer (&result->record, lcs_record_free);
  g_ptr_array_unref (result->findings);
  g_free (result);
}

/* One check of one entry: the typed fields, what they mean, and where findings go. */
typedef struct {
  const LcsSrvEntry *entry;
  const LcsProfile  *profile;
  Intent             intent;
  char              *domain;   /* without final dot */
  char              *owner;    /* as Windows creates it */
  int                view;     /* -1 in the dialog, where the view is not known */
  GPtrArray         *findings;
} Check;

/* @fields: what the rule is about when there is no fix to type, or the fix changes nothing. */
static LcsFinding *
add_finding (Check          *check,
             const char     *rule,
             LcsEntryFields  fields,
             const char     *message)
{
  LcsFinding *finding = lcs_finding_new (rule, check->view < 0 ? LCS_VIEW_INTERNAL : check->view,
                                         check->owner, "%s", message);

  finding->fields = fields;
  g_ptr_array_add (check->findings, finding);
  return finding;
}

/* The fix is about the fields it changes. */
static void
set_entry_fix (Check             *check,
               LcsFinding        *finding,
               LcsSrvEntry       *fixed,
               const char        *text)
{
  LcsEntryFields changed;

  /* A blank Priority or Weight is taken as 0; the fix says so in the field. */
  if (fixed->priority == NULL || *fixed->priority == '\0')
    set_str (&fixed->priority, "0");
  if (fixed->weight == NULL || *fixed->weight == '\0')
    set_str (&fixed->weight, "0");
  changed = lcs_srv_entry_diff (fixed, check->entry);
  if (changed != 0)
    finding->fields = changed;
  finding->fix_entry = fixed;
  finding->fix = g_strdup (text);
}

/* A label typed without its leading underscore, or joined to the next with one. */
static gboolean
lacks_underscore (const char *label)
{
  return label != NULL && label[0] != '\0' && (label[0] != '_' || strchr (label + 1, '_') != NULL);
}

static LcsEntryFields
underscore_fields (const LcsSrvEntry *entry)
{
  LcsEntryFields fields = 0;

  if (lacks_underscore (entry->protocol))
    fields |= LCS_ENTRY_FIELD_PROTOCOL;
  if (lacks_underscore (entry->service))
    fields |= LCS_ENTRY_FIELD_SERVICE;
  return fields != 0 ? fields : LCS_ENTRY_FIELD_SERVICE;
}

/* Priority, Weight and Port number that are not numbers Windows takes. */
static LcsEntryFields
range_fields (const LcsSrvEntry *entry)
{
  const struct { const char *value; LcsEntryFields field; } numbers[] = {
    { entry->priority, LCS_ENTRY_FIELD_PRIORITY },
    { entry->weight, LCS_ENTRY_FIELD_WEIGHT },
    { entry->port, LCS_ENTRY_FIELD_PORT },
  };
  LcsEntryFields fields = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (numbers[i].value == NULL ||
        !g_ascii_string_to_unsigned (numbers[i].value, 10, 0, G_MAXUINT16, NULL, NULL))
      fields |= numbers[i].field;
  return fields != 0 ? fields : LCS_ENTRY_FIELD_SERVICE;
}

/* The Protocol a names fix types: the right one for a SIP service, else what was meant, else
 * empty — a service that is not a SIP one, typed without a protocol, gets none invented. */
static const char *
fixed_protocol (const Check *check)
{
  const char *right = lcs_intent_right_protocol (&check->intent);

  if (right != NULL)
    return right;
  if (check->intent.protocol != NULL)
    return check->intent.protocol;
  right = lcs_plan_protocol_for (check->intent.service);
  return right != NULL ? right : "";
}

static LcsSrvEntry *
entry_with_names (Check *check)
{
  LcsSrvEntry *fixed = lcs_srv_entry_copy (check->entry);

  g_free (fixed->service);
  g_free (fixed->protocol);
  fixed->service = g_strdup (check->intent.service);
  fixed->protocol = g_strdup (fixed_protocol (check));
  return fixed;
}

/* A copy of @entry with the field at @offset replaced by @value. */
static LcsSrvEntry *
entry_with_field (const LcsSrvEntry *entry,
                  glong              offset,
                  const char        *value)
{
  LcsSrvEntry *fixed = lcs_srv_entry_copy (entry);
  char **field = G_STRUCT_MEMBER_P (fixed, offset);

  g_free (*field);
  *field = g_strdup (value);
  return fixed;
}

static char *
names_fix_text (Check *check)
{
  g_autoptr(LcsSrvEntry) fixed = entry_with_names (check);

  if (*fixed->protocol == '\0')
    return g_strdup_printf ("Service: %s (owner %s.%s.)", fixed->service, fixed->service,
                            check->domain);
  return g_strdup_printf ("Service: %s, Protocol: %s (owner %s.%s.%s.)", fixed->service,
                          fixed->protocol, fixed->service, fixed->protocol, check->domain);
}

static void
check_names (Check *check)
{
  const Intent *intent = &check->intent;
  const LcsSrvEntry *e = check->entry;
  g_autofree char *fix = NULL;
  g_autofree char *message = NULL;
  const char *protocol;

  if (intent->service == NULL)
    return;
  fix = names_fix_text (check);

  if (intent->domain_typed)
    {
      message = g_strdup_printf ("the domain is typed into Service or Protocol (“%s” / “%s”), so "
                                 "Windows creates %s with the domain twice",
                                 e->service, e->protocol, check->owner);
      set_entry_fix (check,
                     add_finding (check, "srv-domain-in-service",
                                  e->protocol && strchr (e->protocol, '.') ? LCS_ENTRY_FIELD_PROTOCOL
                                                                           : LCS_ENTRY_FIELD_SERVICE,
                                  message),
                     entry_with_names (check), fix);
      g_clear_pointer (&message, g_free);
    }
  if (intent->split && (e->protocol == NULL || strspn (e->protocol, ". \t") == strlen (e->protocol)))
    {
      message = g_strdup_printf ("Service “%s” holds the protocol and Protocol is empty: Windows "
                                 "keeps the protocol in the Protocol field (_tcp, _udp, _tls)", e->service);
      set_entry_fix (check,
                     add_finding (check, "srv-split", LCS_ENTRY_FIELD_SERVICE | LCS_ENTRY_FIELD_PROTOCOL, message),
                     entry_with_names (check), fix);
      g_clear_pointer (&message, g_free);
    }
  else if (intent->split)
    {
      message = g_strdup_printf ("Service “%s” holds the protocol too, so Windows creates %s "
                                 "with two protocol labels", e->service, check->owner);
      set_entry_fix (check, add_finding (check, "srv-split", LCS_ENTRY_FIELD_SERVICE, message),
                     entry_with_names (check), fix);
      g_clear_pointer (&message, g_free);
    }
  if (intent->underscore)
    {
      message = g_strdup_printf ("“%s” / “%s”: service and protocol labels each start with an "
                                 "underscore and are separated by a dot",
                                 e->service, e->protocol);
      set_entry_fix (check, add_finding (check, "srv-underscore", underscore_fields (e), message),
                     entry_with_names (check), fix);
      g_clear_pointer (&message, g_free);
    }
  if (intent->misspelt)
    {
      message = g_strdup_printf ("“%s” is not a SIP service: did you mean “%s”?",
                                 intent->misspelt, intent->service);
      set_entry_fix (check,
                     add_finding (check, "srv-unknown-service", LCS_ENTRY_FIELD_SERVICE, message),
                     entry_with_names (check), fix);
      g_clear_pointer (&message, g_free);
    }
  protocol = lcs_intent_right_protocol (intent);
  if (protocol != NULL && !intent->split)
    {
      message = g_strdup_printf ("%s goes with %s, not “%s”", intent->service, protocol,
                                 intent->protocol ? intent->protocol : "");
      set_entry_fix (check,
                     add_finding (check, "srv-wrong-protocol", LCS_ENTRY_FIELD_PROTOCOL, message),
                     entry_with_names (check), fix);
    }
}

static gboolean
check_number (Check      *check,
              const char *label,
              const char *text,
              glong       offset,
              const char *fallback,
              guint16    *value)
{
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;

  if (parse_number (text, value) && !(offset == G_STRUCT_OFFSET (LcsSrvEntry, port) &&
                                      (text == NULL || *text == '\0')))
    return TRUE;
  if (text == NULL || *text == '\0')
    message = g_strdup_printf ("%s is empty", label);
  else
    message = g_strdup_printf ("%s “%s” is not a whole number from 0 to 65535", label, text);
  fix = g_strdup_printf ("%s: %s", label, fallback);
  set_entry_fix (check, add_finding (check, "srv-range", range_fields (check->entry), message),
                 entry_with_field (check->entry, offset, fallback), fix);
  return FALSE;
}

static void
check_port (Check   *check,
            guint16  port)
{
  const Intent *intent = &check->intent;
  g_autoptr(GArray) ports = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *first = NULL;
  guint i;

  /* A service of the table that is no SIP service (_xmpp-server) has its port checked too. */
  if (check->profile == NULL || intent->service == NULL || intent->protocol == NULL ||
      lcs_intent_right_protocol (intent) != NULL)
    return;
  ports = lcs_plan_ports_for (check->profile, intent->service, intent->protocol, check->view);
  if (ports->len == 0)
    return;
  for (i = 0; i < ports->len; i++)
    if (g_array_index (ports, guint16, i) == port)
      return;
  expected = ports_to_text (ports);
  first = g_strdup_printf ("%u", g_array_index (ports, guint16, 0));
  message = g_strdup_printf ("port %u on %s.%s: %s listens on %s here%s",
                             port, intent->service, intent->protocol,
                             lcs_product_display_name (check->profile->product), expected,
                             intent->known ? " (the article's “always 5061” holds for the TLS "
                                             "records only)" : "");
  fix = g_strdup_printf ("Port number: %s", first);
  set_entry_fix (check, add_finding (check, "srv-port", LCS_ENTRY_FIELD_PORT, message),
                 entry_with_field (check->entry, G_STRUCT_OFFSET (LcsSrvEntry, port), first), fix);
}

/* The host the record should name: the edge for the external records, else H(D). */
static char *
right_target (Check *check)
{
  gboolean external = check->view == LCS_VIEW_EXTERNAL ||
                      (check->view < 0 && check->intent.service &&
                       strcmp (check->intent.service, "_sipfederationtls") == 0);

  if (check->profile == NULL)
    return NULL;
  if (external && check->profile->edge)
    return lcs_profile_edge_for_domain (check->profile, check->domain);
  return lcs_profile_host_for_domain (check->profile, check->domain);
}

static void
add_target_finding (Check      *check,
                    const char *rule,
                    const char *message)
{
  g_autofree char *host = right_target (check);
  LcsFinding *finding = add_finding (check, rule, LCS_ENTRY_FIELD_TARGET, message);

  if (host != NULL)
    {
      g_autofree char *fix = g_strdup_printf ("Host offering this service: %s.", host);
      g_autofree char *value = g_strconcat (host, ".", NULL);
      set_entry_fix (check, finding, entry_with_field (check->entry,
                                                G_STRUCT_OFFSET (LcsSrvEntry, target), value),
                     fix);
    }
}

/* An IP typed as a target, with or without the final dot a zone file gives it. */
static gboolean
is_address_target (const char *target)
{
  g_autofree char *bare = lcs_name_bare (target);

  return lcs_name_is_address (bare);
}

static gboolean
check_target (Check *check)
{
  const char *target = check->entry->target ? check->entry->target : "";
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (strcmp (target, ".") == 0)
    {
      add_target_finding (check, "srv-target-dot",
                          "target “.” tells clients the service is not available in this domain");
      return FALSE;
    }
  if (*target == '\0')
    {
      add_target_finding (check, "srv-target-syntax", "Host offering this service is empty");
      return FALSE;
    }
  if (is_address_target (target))
    {
      message = g_strdup_printf ("“%s” is an IP address; an SRV record names a host", target);
      add_target_finding (check, "srv-target-syntax", message);
      return FALSE;
    }
  if (!lcs_name_validate (target, LCS_NAME_HOST, &error))
    {
      message = g_strdup_printf ("Host offering this service: %s", error->message);
      add_target_finding (check, "srv-target-syntax", message);
      return FALSE;
    }
  /* Online's targets (sipdir.online.lync.com) are right for an Online profile. */
  if (check->profile != NULL && check->intent.known &&
      !lcs_profile_target_matches (check->profile, target, check->domain) &&
      !lcs_plan_hosted_target (check->profile, check->intent.service,
                               check->intent.protocol ? check->intent.protocol : "", target))
    {
      message = g_strdup_printf ("%s is not in %s (%s matching): clients of %s will not sign in "
                                 "automatically", target, check->domain,
                                 check->profile->matching == LCS_MATCHING_SUFFIX ? "suffix" : "strict",
                                 check->domain);
      add_target_finding (check, "srv-target-domain", message);
    }
  else if (check->profile != NULL && check->intent.known && check->profile->pool == NULL &&
           check->profile->hosting != LCS_HOSTING_ONLINE)
    {
      /* Entry mode needs only the domain; what needs the pool says it was not checked. */
      message = g_strdup_printf ("no pool named: whether %s is the pool or %s's own host is not "
                                 "checked", target, check->domain);
      add_finding (check, "srv-target-unchecked", LCS_ENTRY_FIELD_TARGET, message);
    }
  return TRUE;
}

static void
run_check (Check *check)
{
  guint16 priority = 0, weight = 0, port = 0;

  check_names (check);
  check_number (check, "Priority", check->entry->priority,
                G_STRUCT_OFFSET (LcsSrvEntry, priority), "0", &priority);
  check_number (check, "Weight", check->entry->weight,
                G_STRUCT_OFFSET (LcsSrvEntry, weight), "0", &weight);
  {
    g_autoptr(GArray) ports = check->profile && check->intent.known
                              ? lcs_plan_ports_for (check->profile, check->intent.service,
                                                    check->intent.protocol ? check->intent.protocol : "",
                                                    check->view)
                              : NULL;
    g_autofree char *fallback = g_strdup_printf ("%u", ports && ports->len
                                                       ? g_array_index (ports, guint16, 0) : 5061);
    if (check_number (check, "Port number", check->entry->port,
                      G_STRUCT_OFFSET (LcsSrvEntry, port), fallback, &port))
      check_port (check, port);
  }
  check_target (check);
}

static void
check_init (Check             *check,
            const LcsSrvEntry *entry,
            const LcsProfile  *profile,
            int                view)
{
  g_autofree char *domain = lcs_name_bare (entry->domain);
  GString *owner = g_string_new (NULL);

  memset (check, 0, sizeof *check);
  check->entry = entry;
  check->profile = profile;
  check->view = view;
  check->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  check->domain = g_steal_pointer (&domain);
  lcs_intent_derive (&check->intent, entry->service, entry->protocol, check->domain, profile);

  /* Windows keeps each field whole: <Service>.<Protocol>.<Domain>. */
  if (entry->service && *entry->service)
    g_string_append_printf (owner, "%s.", entry->service);
  if (entry->protocol && *entry->protocol)
    g_string_append_printf (owner, "%s.", entry->protocol);
  g_string_append (owner, check->domain);
  check->owner = lcs_name_normalize (owner->str);
  g_string_free (owner, TRUE);
}

static void
check_clear (Check *check)
{
  lcs_intent_clear (&check->intent);
  g_free (check->domain);
  g_free (check->owner);
  g_clear_pointer (&check->findings, g_ptr_array_unref);
}

static guint
count_errors (GPtrArray *findings)
{
  guint errors = 0;
  guint i;

  for (i = 0; i < findings->len; i++)
    if (((LcsFinding *) g_ptr_array_index (findings, i))->severity == LCS_SEVERITY_ERROR)
      errors++;
  return errors;
}

static LcsRecord *
build_record (const char        *owner,
              const LcsSrvEntry *entry)
{
  guint16 priority, weight, port;
  g_autofree char *target = NULL;

  if (!parse_number (entry->priority, &priority) || !parse_number (entry->weight, &weight) ||
      !parse_number (entry->port, &port) || entry->port == NULL || *entry->port == '\0' ||
      !lcs_name_validate (entry->target, LCS_NAME_HOST, NULL) ||
      is_address_target (entry->target))
    return NULL;
  target = lcs_name_normalize (entry->target);
  return lcs_record_new_srv (owner, LCS_WINDOWS_TTL, priority, weight, port, target);
}

LcsSrvResult *
lcs_srv_entry_check (const LcsSrvEntry *entry,
                     const LcsProfile  *profile)
{
  return lcs_srv_entry_check_in_view (entry, profile, -1);
}

/* A service the view's plan has no row for: outside, the internal-only records, which tell the
 * world the internal pool's name. */
static void
check_view (Check *check)
{
  const Intent *intent = &check->intent;
  g_autoptr(GArray) ports = NULL;
  g_autofree char *message = NULL;

  if (check->view != LCS_VIEW_EXTERNAL || check->profile == NULL || !intent->known
      || lcs_intent_right_protocol (intent) != NULL)
    return;
  ports = lcs_plan_ports_for (check->profile, intent->service, intent->protocol ? intent->protocol : "",
                              LCS_VIEW_EXTERNAL);
  if (ports->len > 0)
    return;
  message = g_strdup_printf ("%s.%s is an internal-only record: in the external view it tells the "
                             "outside world the internal pool's name", intent->service, intent->protocol);
  lcs_finding_set_fix (add_finding (check, "dns-split-view", LCS_ENTRY_FIELD_SERVICE, message),
                       "create it in the internal view only");
}

LcsSrvResult *
lcs_srv_entry_check_in_view (const LcsSrvEntry *entry,
                             const LcsProfile  *profile,
                             int                view)
{
  LcsSrvResult *result = g_new0 (LcsSrvResult, 1);
  Check check;

  check_init (&check, entry, profile, view);
  run_check (&check);
  check_view (&check);
  result->owner = g_strdup (check.owner);
  result->record = build_record (check.owner, entry);
  result->findings = g_steal_pointer (&check.findings);
  g_ptr_array_sort (result->findings, lcs_finding_compare);
  result->errors = count_errors (result->findings);
  check_clear (&check);
  return result;
}

/* The SIP domain @owner belongs to: the longest profile domain it lies under, else the zone.
 * Runs for every SRV record of a bulk check, so it compares in place rather than normalising
 * each pair (profile domains are stored lower case without the final dot). */
static char *
domain_of (const char       *owner,
           const char       *zone_origin,
           const LcsProfile *profile)
{
  g_autofree char *name = lcs_name_normalize (owner);
  gsize name_len = strlen (name) - 1;  /* without the final dot */
  const char *best = NULL;
  gsize best_len = 0;
  guint i;

  for (i = 0; profile && i < profile->domains->len; i++)
    {
      const char *domain = g_ptr_array_index (profile->domains, i);
      gsize len = strlen (domain);

      if (name_len > len && len > best_len && name[name_len - len - 1] == '.' &&
          memcmp (name + name_len - len, domain, len) == 0)
        {
          best = domain;
          best_len = len;
        }
    }
  if (best)
    return g_strdup (best);
  return zone_origin ? g_strdup (zone_origin) : lcs_name_parent (owner);
}

LcsSrvEntry *
lcs_srv_entry_from_record (const char *owner,
                           const char *domain,
                           guint16     priority,
                           guint16     weight,
                           guint16     port,
                           const char *target)
{
  g_autofree char *relative = lcs_name_relative (owner, domain);
  g_autofree char *zone = lcs_name_bare (domain);
  g_autofree char *service = NULL;
  g_autofree char *priority_text = g_strdup_printf ("%u", priority);
  g_autofree char *weight_text = g_strdup_printf ("%u", weight);
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *shown_target = lcs_name_bare (target);
  const char *last_dot;

  if (relative == NULL || strcmp (relative, "@") == 0)
    return NULL;
  /* Windows keeps Service whole, so everything before the last label was typed there. */
  last_dot = strrchr (relative, '.');
  service = last_dot ? g_strndup (relative, last_dot - relative) : g_strdup (relative);
  return lcs_srv_entry_new_full (zone, service, last_dot ? last_dot + 1 : "", priority_text,
                                 weight_text, port_text, shown_target);
}

/* The owner @intent stands for in @domain, absolute; NULL when it is not a SIP service. */
static char *
intended_name (const Intent *intent,
               const char   *domain)
{
  const char *protocol;
  g_autofree char *name = NULL;

  if (!intent->known)
    return NULL;
  protocol = lcs_intent_right_protocol (intent);
  name = g_strdup_printf ("%s.%s.%s", intent->service, protocol ? protocol : intent->protocol,
                          domain);
  return lcs_name_normalize (name);
}

GPtrArray *
lcs_srv_record_check (const char       *owner,
                      guint16           priority,
                      guint16           weight,
                      guint16           port,
                      const char       *target,
                      const char       *zone_origin,
                      LcsView           view,
                      const LcsProfile *profile,
                      char            **intended_owner)
{
  g_autofree char *domain = domain_of (owner, zone_origin, profile);
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_from_record (owner, domain, priority, weight,
                                                            port, target);
  Check check;
  GPtrArray *findings;

  if (intended_owner != NULL)
    *intended_owner = NULL;
  if (entry == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  check_init (&check, entry, profile, view);
  g_free (check.owner);
  check.owner = lcs_name_normalize (owner);
  if (check.intent.known)
    run_check (&check);
  else
    check_port (&check, port);
  if (intended_owner != NULL)
    *intended_owner = intended_name (&check.intent, check.domain);
  findings = g_steal_pointer (&check.findings);
  check_clear (&check);
  return findings;
}

/* What a mistyped owner was meant to be: "_sipinternaltls._tcp.contoso.com.", or NULL when
 * @owner is not a SIP service record. */
char *
lcs_srv_intended_owner (const char       *owner,
                        const char       *zone_origin,
                        const LcsProfile *profile)
{
  g_autofree char *domain = domain_of (owner, zone_origin, profile);
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_from_record (owner, domain, 0, 0, 0, NULL);
  Intent intent;
  char *result;

  if (entry == NULL)
    return NULL;
  lcs_intent_derive (&intent, entry->service, entry->protocol, domain, profile);
  result = intended_name (&intent, domain);
  lcs_intent_clear (&intent);
  return result;
}
