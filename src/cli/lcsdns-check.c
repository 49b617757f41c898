/* lcsdns-check: the command-line twin of the console (SPEC §6). */
#include <gio/gio.h>
#include <lcsdns/check/check.h>
#include <lcsdns/model/datadir.h>
#include <lcsdns/export/export.h>
#include <lcsdns/zone/zone.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cert-fetch.h"

#ifdef HAVE_LOOKUP
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
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o->format, "text, json, csv, dnscmd, powershell or bind", "F" },
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

/* The demo: $LCS_DEMO_DIR, else the source tree it was built from, else the installed copy. */
static char *
demo_path (const char *file)
{
  const char *dir = g_getenv ("LCS_DEMO_DIR");
  g_autofree char *source_profile = g_build_filename (LCS_DEMO_DIR_SOURCE, "demo.lcsdns", NULL);
  g_autofree char *data_dir = lcs_data_dir ();

  if (dir != NULL)
    return g_build_filename (dir, file, NULL);
  if (g_file_test (source_profile, G_FILE_TEST_IS_REGULAR))
    return g_build_filename (LCS_DEMO_DIR_SOURCE, file, NULL);
  return g_build_filename (data_dir, "demo", file, NULL);
}

static gboolean
add_domains_file (LcsProfile  *profile,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  guint i;

  if (!g_file_get_contents (path, &data, NULL, error))
    return FALSE;
  lines = g_strsplit (data, "\n", -1);
  for (i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || *line == '#')
        continue;
      if (!lcs_profile_set (profile, "domains", line, error))
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
    }
  return TRUE;
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
  };
  gsize i;

  if (o->demo)
    {
      g_autofree char *path = demo_path ("demo.lcsdns");
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
  if (o->federation)
    profile->federation = TRUE;
  if (o->domains_file && !add_domains_file (profile, o->domains_file, error))
    return NULL;
  if (!lcs_profile_validate (profile, error))
    return NULL;
  return g_steal_pointer (&profile);
}

static gboolean
load_zones (LcsObservations  *obs,
            LcsView           view,
            char            **paths,
            const char       *origin,
            LcsReport        *report,
            GError          **error)
{
  g_autoptr(GPtrArray) syntax = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  guint i;

  for (i = 0; paths && paths[i]; i++)
    {
      if (!lcs_zone_load (obs, view, paths[i], origin, syntax, error))
        return FALSE;
      g_ptr_array_add (report->files, g_strdup (paths[i]));
    }
  for (i = 0; i < syntax->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (syntax, i)));
  return TRUE;
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The demo's zone exports: *.dns in the demo folder (internal) or its external/ folder. */
static char **
demo_zones (const char *subdir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *dir = demo_path (subdir);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint i;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".dns"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));
  return g_strv_builder_end (builder);
}

static LcsReport *
run_zone_check (const LcsProfile  *profile,
                const Options     *o,
                GError           **error)
{
  g_autoptr(LcsObservations) obs = lcs_observations_new ();
  g_autoptr(LcsReport) syntax = lcs_report_new (LCS_SOURCE_ZONE);
  gboolean demo = o->demo && o->zones == NULL && o->external_zones == NULL;
  g_auto(GStrv) internal = demo ? demo_zones ("") : g_strdupv (o->zones);
  g_auto(GStrv) external = demo ? demo_zones ("external") : g_strdupv (o->external_zones);
  LcsReport *report;
  guint i;

  if (!load_zones (obs, LCS_VIEW_INTERNAL, internal, o->origin, syntax, error) ||
      !load_zones (obs, LCS_VIEW_EXTERNAL, external, o->origin, syntax, error))
    return NULL;
  report = lcs_check_observations (profile, obs, LCS_SOURCE_ZONE);
  for (i = 0; i < syntax->files->len; i++)
    g_ptr_array_add (report->files, g_strdup (g_ptr_array_index (syntax->files, i)));
  for (i = 0; i < syntax->findings->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (syntax->findings, i)));
  lcs_report_sort (report);
  return report;
}

static LcsReport *
run_live_check (const LcsProfile  *profile,
                const Options     *o,
                GError           **error)
{
#ifdef HAVE_LOOKUP
  LcsCliLiveArgs args = { o->servers, o->external_servers, o->timeout_ms, o->tries, 0 };
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(LcsObservations) obs = lcs_cli_run_live (profile, &args, &servers, error);
  LcsReport *report;

  if (obs == NULL)
    return NULL;
  report = lcs_check_observations (profile, obs, LCS_SOURCE_LIVE);
  g_ptr_array_extend_and_steal (report->servers, g_steal_pointer (&servers));
  return report;
#else
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

static int
run (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcsProfile) profile = NULL;
  g_autoptr(LcsReport) report = NULL;
  g_autofree char *output = NULL;
  LcsFormat format = LCS_FORMAT_TEXT;

  if (o->version)
    {
      g_print ("lcsdns-check %s\n", LCS_VERSION);
      return EXIT_CLEAN;
    }
  if (o->rules)
    {
      g_autofree char *markdown = lcs_rules_to_markdown ();
      g_print ("%s", markdown);
      return EXIT_CLEAN;
    }
  if (o->format && !lcs_format_from_string (o->format, &format))
    {
      g_autofree char *message = g_strdup_printf ("--format=%s: expected text, json, csv, dnscmd, "
                                                  "powershell or bind", o->format);
      return usage_error (message);
    }
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
    report = run_zone_check (profile, o, &error);
  else
    report = run_live_check (profile, o, &error);
  if (report == NULL)
    return usage_error (error->message);

  /* Render whole before writing, so a failure leaves no partial output. */
  output = lcs_export_report (report, format, &error);
  if (output == NULL)
    return usage_error (error->message);
  fputs (output, stdout);
  fflush (stdout);

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
