/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lcsdns-check: the command-line twin of the console (docs/spec.md §6). */

#include "config.h"

#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/export/remediation.h>
#include <lcsdns/profile/demo.h>
#include <lcsdns/profile/generation.h>
#include <lcsdns/zone/zone.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "certificate.h"
#include "stdout-stream.h"

#if HAVE_LOOKUP
#include "live.h"
#endif

enum {
  EXIT_CLEAN = 0,
  EXIT_ERRORS = 1,
  EXIT_USAGE = 2,
  EXIT_INCOMPLETE = 3,
};

typedef struct {
  char    **domains;
  char     *profile_path;
  char     *product;
  char     *edition;
  char     *pool;
  char     *pool_ip;
  char    **members;
  char     *edge;
  char     *edge_ip;
  gboolean  federation;
  char     *transport;
  char     *clients;
  char     *matching;
  char     *balancing;
  char     *web_internal;
  char     *web_external;
  char    **simple_urls;
  char     *edge_webconf;
  char     *edge_av;
  gboolean  xmpp;
  char     *legacy_clients;
  gboolean  online;
  gboolean  hybrid;
  char    **zones;
  char    **external_zones;
  char     *origin;
  char    **servers;
  char    **external_servers;
  char     *domains_file;
  int       timeout_ms;
  int       tries;
  char     *cert;
  char     *cert_from;
  gboolean  plan;
  char     *service;
  char     *protocol;
  char     *priority;
  char     *weight;
  char     *port;
  char     *target;
  char     *format;
  char     *fix_only;
  gboolean  all_findings;
  gboolean  demo;
  gboolean  rules;
  gboolean  version;
} Options;

static void
options_clear (Options *o)
{
  g_strfreev (o->domains);
  g_free (o->profile_path);
  g_free (o->product);
  g_free (o->edition);
  g_free (o->pool);
  g_free (o->pool_ip);
  g_strfreev (o->members);
  g_free (o->edge);
  g_free (o->edge_ip);
  g_free (o->transport);
  g_free (o->clients);
  g_free (o->matching);
  g_free (o->balancing);
  g_free (o->web_internal);
  g_free (o->web_external);
  g_strfreev (o->simple_urls);
  g_free (o->edge_webconf);
  g_free (o->edge_av);
  g_free (o->legacy_clients);
  g_strfreev (o->zones);
  g_strfreev (o->external_zones);
  g_free (o->origin);
  g_strfreev (o->servers);
  g_strfreev (o->external_servers);
  g_free (o->domains_file);
  g_free (o->cert);
  g_free (o->cert_from);
  g_free (o->service);
  g_free (o->protocol);
  g_free (o->priority);
  g_free (o->weight);
  g_free (o->port);
  g_free (o->target);
  g_free (o->format);
  g_free (o->fix_only);
}

static gboolean
parse_options (Options   *o,
               int       *argc,
               char    ***argv,
               GError   **error)
{
  const GOptionEntry entries[] = {
    { "domain", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &o->domains, "SIP domain (repeat; the first is primary)", "D" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &o->profile_path, "A saved profile (.lcsdns)", "FILE" },
    { "product", 0, 0, G_OPTION_ARG_STRING, &o->product, "lcs2005, ocs2007r2 or lync", "P" },
    { "edition", 0, 0, G_OPTION_ARG_STRING, &o->edition, "standard or enterprise", "E" },
    { "pool", 0, 0, G_OPTION_ARG_STRING, &o->pool, "Server (Standard) or pool (Enterprise) FQDN", "FQDN" },
    { "pool-ip", 0, 0, G_OPTION_ARG_STRING, &o->pool_ip, "Server IP or the pool's virtual IP", "ADDR" },
    { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->members, "Enterprise member server (repeat)", "FQDN=ADDR" },
    { "edge", 0, 0, G_OPTION_ARG_STRING, &o->edge, "Edge / access proxy FQDN (enables the external view)", "FQDN" },
    { "edge-ip", 0, 0, G_OPTION_ARG_STRING, &o->edge_ip, "The edge's public IP", "ADDR" },
    { "federation", 0, 0, G_OPTION_ARG_NONE, &o->federation, "Publish _sipfederationtls._tcp", NULL },
    { "transport", 0, 0, G_OPTION_ARG_STRING, &o->transport, "tls, tcp or both", "T" },
    { "clients", 0, 0, G_OPTION_ARG_STRING, &o->clients, "communicator,messenger", "C" },
    { "matching", 0, 0, G_OPTION_ARG_STRING, &o->matching, "strict or suffix", "M" },
    { "balancing", 0, 0, G_OPTION_ARG_STRING, &o->balancing, "Enterprise pool: hardware or dns", "B" },
    { "web-internal", 0, 0, G_OPTION_ARG_STRING, &o->web_internal, "Internal web services", "FQDN=ADDR" },
    { "web-external", 0, 0, G_OPTION_ARG_STRING, &o->web_external, "External web services (reverse proxy)", "FQDN=ADDR" },
    { "simple-url", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->simple_urls, "Simple URL (repeat)", "meet|dialin|admin=FQDN" },
    { "edge-webconf", 0, 0, G_OPTION_ARG_STRING, &o->edge_webconf, "Web Conferencing Edge", "FQDN=ADDR" },
    { "edge-av", 0, 0, G_OPTION_ARG_STRING, &o->edge_av, "A/V Edge", "FQDN=ADDR" },
    { "xmpp", 0, 0, G_OPTION_ARG_NONE, &o->xmpp, "XMPP federation (_xmpp-server._tcp on 5269)", NULL },
    { "legacy-clients", 0, 0, G_OPTION_ARG_STRING, &o->legacy_clients, "Clients older than Lync 2013 or desk phones sign in", "yes|no" },
    { "online", 0, 0, G_OPTION_ARG_NONE, &o->online, "Skype for Business Online", NULL },
    { "hybrid", 0, 0, G_OPTION_ARG_NONE, &o->hybrid, "Hybrid: on-premises servers federated with Online", NULL },
    { "zone", 'z', 0, G_OPTION_ARG_FILENAME_ARRAY, &o->zones, "Zone file of the internal view (repeat)", "FILE" },
    { "external-zone", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->external_zones, "Zone file of the external view", "FILE" },
    { "origin", 0, 0, G_OPTION_ARG_STRING, &o->origin, "Origin of a zone file without $ORIGIN", "NAME" },
    { "server", 's', 0, G_OPTION_ARG_STRING_ARRAY, &o->servers, "Internal DNS server (repeat)", "IP[:PORT]" },
    { "external-server", 'x', 0, G_OPTION_ARG_STRING_ARRAY, &o->external_servers, "External DNS server", "IP[:PORT]" },
    { "domains-file", 0, 0, G_OPTION_ARG_FILENAME, &o->domains_file, "More SIP domains, one a line", "FILE" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &o->timeout_ms, "Query timeout in ms (1500)", "MS" },
    { "tries", 0, 0, G_OPTION_ARG_INT, &o->tries, "Tries per query (2)", "N" },
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &o->cert, "Certificate file (PEM, DER or PKCS#12)", "FILE" },
    { "cert-from", 0, 0, G_OPTION_ARG_STRING, &o->cert_from, "Fetch the certificate a server presents", "HOST[:PORT]" },
    { "plan", 0, 0, G_OPTION_ARG_NONE, &o->plan, "Print the required records only", NULL },
    { "service", 0, 0, G_OPTION_ARG_STRING, &o->service, "Dialog entry: Service", "S" },
    { "protocol", 0, 0, G_OPTION_ARG_STRING, &o->protocol, "Dialog entry: Protocol", "P" },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &o->priority, "Dialog entry: Priority", "N" },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &o->weight, "Dialog entry: Weight", "N" },
    { "port", 0, 0, G_OPTION_ARG_STRING, &o->port, "Dialog entry: Port number", "N" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &o->target, "Dialog entry: Host offering this service", "T" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o->format, "text, json, csv, html, dnscmd, powershell, bind or nsupdate (after a check: the fix script)", "F" },
    { "fix-only", 0, 0, G_OPTION_ARG_STRING, &o->fix_only, "Limit a check's fix script to one view: internal or external", "VIEW" },
    { "all-findings", 0, 0, G_OPTION_ARG_NONE, &o->all_findings, "List every finding (default: at most 1,000 per rule and source, then a count)", NULL },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &o->demo, "The bundled demo deployment and zone", NULL },
    { "rules", 0, 0, G_OPTION_ARG_NONE, &o->rules, "Print the rule reference (Markdown)", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, "Print the version", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new ("— plan and check the DNS records of an LCS / OCS / Lync deployment");

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Plans the A and SRV records a Live Communications Server deployment needs, checks one New\n"
    "Resource Record entry as the Windows dialog would take it, and checks zone files (offline)\n"
    "or DNS servers (live) against the plan.");
  g_option_context_set_description (context,
    "Exit status: 0 no errors; 1 errors found; 2 bad usage or unreadable input; 3 lookups failed.");
  return g_option_context_parse (context, argc, argv, error);
}

static gboolean
entry_mode (const Options *o)
{
  return o->service || o->protocol || o->priority || o->weight || o->port || o->target;
}

/* Profile from --demo or --profile, then the flags on top. */
static LcsProfile *
build_profile (const Options  *o,
               GError        **error)
{
  g_autoptr(LcsProfile) profile = NULL;
  const struct { const char *key; const char *value; } flags[] = {
    { "product", o->product }, { "edition", o->edition }, { "pool", o->pool },
    { "pool-ip", o->pool_ip }, { "edge", o->edge }, { "edge-ip", o->edge_ip },
    { "transports", o->transport }, { "clients", o->clients }, { "matching", o->matching },
    { "balancing", o->balancing }, { "web-internal", o->web_internal },
    { "web-external", o->web_external }, { "edge-webconf", o->edge_webconf },
    { "edge-av", o->edge_av }, { "legacy-clients", o->legacy_clients },
    { "hosting", o->online ? "online" : o->hybrid ? "hybrid" : NULL },
  };
  gsize i;

  if (o->demo)
    {
      g_autofree char *dir = lcs_demo_dir ();
      g_autofree char *path = g_build_filename (dir, LCS_DEMO_PROFILE, NULL);
      profile = lcs_profile_load (path, error);
    }
  else if (o->profile_path)
    profile = lcs_profile_load (o->profile_path, error);
  else
    profile = lcs_profile_new ();
  if (profile == NULL)
    return NULL;

  for (i = 0; o->domains && o->domains[i]; i++)
    if (!lcs_profile_set (profile, "domains", o->domains[i], error))
      return NULL;
  for (i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].value && !lcs_profile_set (profile, flags[i].key, flags[i].value, error))
      return NULL;
  for (i = 0; o->members && o->members[i]; i++)
    if (!lcs_profile_set (profile, "members", o->members[i], error))
      return NULL;
  for (i = 0; o->simple_urls && o->simple_urls[i]; i++)
    if (!lcs_profile_set (profile, "simple-urls", o->simple_urls[i], error))
      return NULL;
  if (o->federation)
    profile->federation = TRUE;
  if (o->xmpp)
    profile->xmpp = TRUE;
  if (o->domains_file && !lcs_profile_add_domains_file (profile, o->domains_file, error))
    return NULL;
  /* docs/spec.md §6: one dialog entry needs only its domain; the rules that need more say so. */
  if (entry_mode (o) && profile->domains->len > 0)
    return g_steal_pointer (&profile);
  if (!lcs_profile_validate (profile, error))
    return NULL;
  return g_steal_pointer (&profile);
}

static guint
max_listed (const Options *o)
{
  return o->all_findings ? 0 : LCS_REPORT_MAX_LISTED;
}

static LcsReport *
run_zone_check (const LcsProfile  *profile,
                const Options     *o,
                LcsObservations  **obs,
                GError           **error)
{
  g_autofree char *dir = lcs_demo_dir ();
  gboolean demo = o->demo && o->zones == NULL && o->external_zones == NULL;
  g_auto(GStrv) internal = demo ? lcs_demo_zones (dir, LCS_VIEW_INTERNAL) : NULL;
  g_auto(GStrv) external = demo ? lcs_demo_zones (dir, LCS_VIEW_EXTERNAL) : NULL;
  char *const *zones[2] = {
    demo ? internal : o->zones,
    demo ? external : o->external_zones,
  };

  return lcs_check_zones (profile, zones, o->origin, FALSE, max_listed (o), obs, error);
}

static LcsReport *
run_live_check (const LcsProfile  *profile,
                const Options     *o,
                LcsObservations  **obs_out,
                GError           **error)
{
#if HAVE_LOOKUP
  LcsCliLiveArgs args = { o->servers, o->external_servers, o->timeout_ms, o->tries, 0,
                          max_listed (o) };

  return lcs_cli_run_live (profile, &args, obs_out, error);
#else
  (void) obs_out;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "this build has no live lookup (c-ares was not found)");
  return NULL;
#endif
}

static LcsReport *
run_entry_check (const LcsProfile *profile,
                 const Options    *o)
{
  /* Omitted fields are empty, as in the dialog. */
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new_full (g_ptr_array_index (profile->domains, 0),
                                                         o->service, o->protocol, o->priority,
                                                         o->weight, o->port, o->target);

  return lcs_check_entry (profile, entry);
}

static gboolean
has_rule (const LcsReport *report,
          const char      *rule)
{
  guint i;

  for (i = 0; i < report->findings->len; i++)
    if (strcmp (((LcsFinding *) g_ptr_array_index (report->findings, i))->rule->id, rule) == 0)
      return TRUE;
  return FALSE;
}

static int
usage_error (const char *message)
{
  g_printerr ("lcsdns-check: %s\n", message);
  return EXIT_USAGE;
}

/* --fix-only: -1 (both views) when absent. */
static gboolean
parse_fix_only (const Options *o,
                LcsFormat      format,
                int           *view)
{
  *view = -1;
  if (o->fix_only == NULL)
    return TRUE;
  if (!lcs_format_is_fix_script (format))
    return FALSE;
  if (g_ascii_strcasecmp (o->fix_only, "internal") == 0)
    *view = LCS_VIEW_INTERNAL;
  else if (g_ascii_strcasecmp (o->fix_only, "external") == 0)
    *view = LCS_VIEW_EXTERNAL;
  return *view >= 0;
}

/* After a zone or live check a script format is the fix script, made whole before it is
 * written so that a failure leaves no partial output; with --plan or an entry it lists the
 * records to create, and nsupdate adds them. Reports go out as they are made. */
static gboolean
write_output (const LcsReport       *report,
              const LcsObservations *obs,
              LcsFormat              format,
              int                    fix_view,
              GError               **error)
{
  g_autoptr(GOutputStream) out = lcs_stdout_stream_new ();
  g_autoptr(LcsRemediation) fix = NULL;
  g_autofree char *script = NULL;

  if (!lcs_format_is_fix_script (format) ||
      (obs == NULL && format != LCS_FORMAT_NSUPDATE))
    return lcs_export_report_write (report, format, out, error) &&
           g_output_stream_flush (out, NULL, error);
  fix = lcs_remediation_build (report, obs, fix_view);
  script = lcs_export_remediation (fix, format, error);
  return script != NULL &&
         g_output_stream_write_all (out, script, strlen (script), NULL, NULL, error) &&
         g_output_stream_flush (out, NULL, error);
}

static int
run (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsProfile) profile = NULL;
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(LcsObservations) obs = NULL;
  LcsFormat format = LCS_FORMAT_TEXT;
  int fix_view;

  if (o->version)
    {
      g_print ("lcsdns-check %s\n", LCS_VERSION);
      return EXIT_CLEAN;
    }
  if (o->rules)
    {
      g_autofree char *markdown = lcs_reference_to_markdown ();
      g_print ("%s", markdown);
      return EXIT_CLEAN;
    }
  if (o->format && !lcs_format_from_string (o->format, &format))
    {
      g_autofree char *message = g_strdup_printf ("--format=%s: expected text, json, csv, html, "
                                                  "dnscmd, powershell, bind or nsupdate",
                                                  o->format);
      return usage_error (message);
    }
  if (o->online && o->hybrid)
    return usage_error ("--online and --hybrid: a deployment is one or the other");
  if (!parse_fix_only (o, format, &fix_view))
    return usage_error ("--fix-only: expected internal or external, with --format dnscmd, "
                        "powershell, bind or nsupdate");
  if (o->fix_only != NULL && (entry_mode (o) || o->plan || o->cert || o->cert_from))
    return usage_error ("--fix-only limits the fix script of a zone or live check");
  profile = build_profile (o, &error);
  if (profile == NULL)
    return usage_error (error->message);

  if (entry_mode (o))
    report = run_entry_check (profile, o);
  else if (o->plan)
    report = lcs_check_plan (profile);
  else if (o->cert || o->cert_from)
    {
      /* The password comes from the environment so that it does not show in a process list. */
      LcsCliCertArgs cert_args = { o->cert, g_getenv ("LCSDNS_CERT_PASSWORD"), o->cert_from,
                                   o->timeout_ms };

      report = lcs_cli_cert_report (profile, &cert_args, NULL, &error);
      if (report == NULL && lcs_cli_cert_error_is_incomplete (error))
        {
          g_printerr ("lcsdns-check: %s\n", error->message);
          return EXIT_INCOMPLETE;
        }
    }
  else if (o->zones || o->external_zones || (o->demo && !o->servers && !o->external_servers))
    report = run_zone_check (profile, o, &obs, &error);
  else
    report = run_live_check (profile, o, &obs, &error);
  if (report == NULL)
    return usage_error (error->message);

  if (!write_output (report, obs, format, fix_view, &error))
    return usage_error (error->message);

  if (has_rule (report, "dns-lookup-failed"))
    return EXIT_INCOMPLETE;
  return report->errors > 0 ? EXIT_ERRORS : EXIT_CLEAN;
}

int
main (int   argc,
      char *argv[])
{
  Options options = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  if (!parse_options (&options, &argc, &argv, &error))
    {
      options_clear (&options);
      return usage_error (error->message);
    }
  if (argc > 1)
    {
      g_autofree char *message = g_strdup_printf ("unexpected argument “%s”", argv[1]);
      options_clear (&options);
      return usage_error (message);
    }
  status = run (&options);
  options_clear (&options);
  return status;
}
