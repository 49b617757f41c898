/* Exports: dnscmd / PowerShell / BIND lines and the text, CSV and HTML reports. */
#include <string.h>

#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/name.h>
#include <lcsdns/profile/plan.h>
#include <lcsdns/profile/profile.h>

static const LcsFormat record_formats[] = {
  LCS_FORMAT_DNSCMD, LCS_FORMAT_POWERSHELL, LCS_FORMAT_BIND,
};

/* Fragments that would break out of a command line or a zone file if they got through. */
static const char *const hostile[] = {
  ";", "$(calc)", "`calc`", "'", "\"", " ", "\n", "\r", "&", "|", "&&calc", "||calc",
  "<x", ">x", "${x}", "%PATH%", "\t", "#", "\\", "*", "(", ")", "@x", "!",
};

static LcsPlannedRecord *
planned_srv (LcsView     view,
             const char *domain,
             const char *name,
             guint16     port,
             const char *target)
{
  LcsPlannedRecord *record = g_new0 (LcsPlannedRecord, 1);

  record->view = view;
  record->domain = g_strdup (domain);
  record->name = g_strdup (name);
  record->type = LCS_TYPE_SRV;
  record->port = port;
  record->target = g_strdup (target);
  return record;
}

static LcsPlannedRecord *
planned_a (LcsView     view,
           const char *domain,
           const char *name,
           const char *address)
{
  LcsPlannedRecord *record = g_new0 (LcsPlannedRecord, 1);

  record->view = view;
  record->domain = g_strdup (domain);
  record->name = g_strdup (name);
  record->type = LCS_TYPE_A;
  record->address = g_strdup (address);
  return record;
}

static GPtrArray *
contoso_records (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);

  g_ptr_array_add (records, planned_srv (LCS_VIEW_INTERNAL, "contoso.com",
                                         "_sipinternaltls._tcp.contoso.com.", 5061,
                                         "lcs.contoso.com."));
  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "lcs.contoso.com.",
                                       "192.0.2.10"));
  return records;
}

static char *
export_ok (GPtrArray *records,
           LcsFormat  format)
{
  g_autoptr(GError) error = NULL;
  char *text = lcs_export_records (records, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static LcsProfile *
contoso_profile (const char *domains)
{
  g_autoptr(LcsProfile) profile = lcs_profile_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (lcs_profile_set (profile, "domains", domains, &error));
  g_assert_true (lcs_profile_set (profile, "pool", "lcs.contoso.com", &error));
  g_assert_true (lcs_profile_set (profile, "pool-ip", "192.0.2.10", &error));
  g_assert_true (lcs_profile_set (profile, "transports", "tls,tcp", &error));
  g_assert_true (lcs_profile_set (profile, "clients", "communicator,messenger", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&profile);
}

static guint
count_lines_with_prefix (const char *text,
                         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

static void
test_format_names (void)
{
  static const struct { const char *name; LcsFormat format; } names[] = {
    { "text", LCS_FORMAT_TEXT }, { "json", LCS_FORMAT_JSON }, { "csv", LCS_FORMAT_CSV },
    { "dnscmd", LCS_FORMAT_DNSCMD }, { "powershell", LCS_FORMAT_POWERSHELL },
    { "bind", LCS_FORMAT_BIND }, { "html", LCS_FORMAT_HTML }, { "JSON", LCS_FORMAT_JSON },
  };
  LcsFormat format;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      format = (LcsFormat) -1;
      g_assert_true (lcs_format_from_string (names[i].name, &format));
      g_assert_cmpint (format, ==, names[i].format);
    }
  format = LCS_FORMAT_BIND;
  g_assert_false (lcs_format_from_string ("yaml", &format));
  g_assert_false (lcs_format_from_string ("", &format));
  g_assert_false (lcs_format_from_string ("json ", &format));
  g_assert_false (lcs_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, LCS_FORMAT_BIND);
}

static void
test_dnscmd_lines (void)
{
  g_autoptr(GPtrArray) records = contoso_records ();
  g_autofree char *text = export_ok (records, LCS_FORMAT_DNSCMD);

  g_assert_cmpstr (text, ==,
                   "REM internal DNS\n"
                   "dnscmd . /RecordAdd contoso.com _sipinternaltls._tcp SRV 0 0 5061 lcs.contoso.com.\n"
                   "dnscmd . /RecordAdd contoso.com lcs A 192.0.2.10\n");
}

static void
test_powershell_lines (void)
{
  g_autoptr(GPtrArray) records = contoso_records ();
  g_autofree char *text = export_ok (records, LCS_FORMAT_POWERSHELL);

  g_assert_cmpstr (text, ==,
                   "# internal DNS\n"
                   "Add-DnsServerResourceRecord -Srv -ZoneName contoso.com -Name _sipinternaltls._tcp"
                   " -DomainName lcs.contoso.com -Priority 0 -Weight 0 -Port 5061\n"
                   "Add-DnsServerResourceRecordA -ZoneName contoso.com -Name lcs"
                   " -IPv4Address 192.0.2.10\n");
}

/* One record as a zone holds it or as the admin added it: the same lines as the plan's. */
static void
test_one_record (void)
{
  g_autoptr(LcsRecord) srv = lcs_record_new_srv ("_sip._tls.fabrikam.com.", LCS_WINDOWS_TTL, 0, 0, 443,
                                                 "sip.fabrikam.com.");
  g_autoptr(LcsRecord) host = lcs_record_new_address ("sip.fabrikam.com.", LCS_WINDOWS_TTL, "198.51.100.7");
  g_autoptr(LcsRecord) bad = lcs_record_new_srv ("_sip._tls.fabrikam.com.", LCS_WINDOWS_TTL, 0, 0, 443,
                                                 "sip fabrikam.com.");
  g_autoptr(GError) error = NULL;
  g_autofree char *dnscmd = lcs_export_record (srv, LCS_VIEW_EXTERNAL, "fabrikam.com", LCS_FORMAT_DNSCMD, &error);
  g_autofree char *powershell = lcs_export_record (host, LCS_VIEW_INTERNAL, NULL, LCS_FORMAT_POWERSHELL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dnscmd, ==,
                   "REM external DNS\n"
                   "dnscmd . /RecordAdd fabrikam.com _sip._tls SRV 0 0 443 sip.fabrikam.com.\n");
  g_assert_cmpstr (powershell, ==,
                   "# internal DNS\n"
                   "Add-DnsServerResourceRecordA -ZoneName fabrikam.com -Name sip -IPv4Address 198.51.100.7\n");
  /* A target that is not a host name is refused, as in every export. */
  g_assert_null (lcs_export_record (bad, LCS_VIEW_EXTERNAL, "fabrikam.com", LCS_FORMAT_DNSCMD, &error));
  g_assert_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME);
}

static void
test_bind_lines (void)
{
  g_autoptr(GPtrArray) records = contoso_records ();
  g_autofree char *text = export_ok (records, LCS_FORMAT_BIND);

  g_assert_cmpstr (text, ==,
                   "; internal DNS\n"
                   "_sipinternaltls._tcp.contoso.com. 3600 IN SRV 0 0 5061 lcs.contoso.com.\n"
                   "lcs.contoso.com. 3600 IN A 192.0.2.10\n");
}

static void
test_ipv6_address (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);
  g_autofree char *dnscmd = NULL;
  g_autofree char *ps = NULL;
  g_autofree char *bind = NULL;

  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "lcs.contoso.com.",
                                       "2001:DB8:0::10"));
  dnscmd = export_ok (records, LCS_FORMAT_DNSCMD);
  ps = export_ok (records, LCS_FORMAT_POWERSHELL);
  bind = export_ok (records, LCS_FORMAT_BIND);
  g_assert_nonnull (strstr (dnscmd, "dnscmd . /RecordAdd contoso.com lcs AAAA 2001:db8::10\n"));
  g_assert_nonnull (strstr (ps, "Add-DnsServerResourceRecordAAAA -ZoneName contoso.com -Name lcs"
                                " -IPv6Address '2001:db8::10'\n"));
  g_assert_nonnull (strstr (bind, "lcs.contoso.com. 3600 IN AAAA 2001:db8::10\n"));
}

/* Zone: the SIP domain when the name is under it, else the parent; "@" for the apex. */
static void
test_zone_and_node (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);
  g_autofree char *dnscmd = NULL;
  g_autofree char *ps = NULL;

  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "LCS.Corp.Contoso.com",
                                       "192.0.2.10"));
  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "pool.example.net.",
                                       "192.0.2.11"));
  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "contoso.com.",
                                       "192.0.2.12"));
  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "1e5.contoso.com.",
                                       "192.0.2.13"));
  dnscmd = export_ok (records, LCS_FORMAT_DNSCMD);
  ps = export_ok (records, LCS_FORMAT_POWERSHELL);

  g_assert_nonnull (strstr (dnscmd, "dnscmd . /RecordAdd contoso.com lcs.corp A 192.0.2.10\n"));
  g_assert_nonnull (strstr (dnscmd, "dnscmd . /RecordAdd example.net pool A 192.0.2.11\n"));
  g_assert_nonnull (strstr (dnscmd, "dnscmd . /RecordAdd contoso.com @ A 192.0.2.12\n"));
  /* PowerShell reads a bare '@' as syntax and a bare 1e5 as the number 100000. */
  g_assert_nonnull (strstr (ps, "-ZoneName contoso.com -Name '@' -IPv4Address 192.0.2.12\n"));
  g_assert_nonnull (strstr (ps, "-ZoneName contoso.com -Name '1e5' -IPv4Address 192.0.2.13\n"));
}

/* External records go to another server: they come after the internal ones, under a heading. */
static void
test_views_grouped (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);
  g_autofree char *text = NULL;
  const char *internal, *external, *edge_srv, *pool_a;

  g_ptr_array_add (records, planned_srv (LCS_VIEW_EXTERNAL, "contoso.com", "_sip._tls.contoso.com.",
                                         5061, "sip.contoso.com."));
  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "lcs.contoso.com.",
                                       "192.0.2.10"));
  g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "lcs.contoso.com.",
                                       "192.0.2.10"));
  text = export_ok (records, LCS_FORMAT_DNSCMD);
  internal = strstr (text, "REM internal DNS\n");
  external = strstr (text, "REM external DNS\n");
  pool_a = strstr (text, "lcs A 192.0.2.10");
  edge_srv = strstr (text, "_sip._tls SRV 0 0 5061 sip.contoso.com.");
  g_assert_true (internal != NULL && external != NULL && pool_a != NULL && edge_srv != NULL);
  g_assert_true (internal < pool_a && pool_a < external && external < edge_srv);
  g_assert_cmpuint (count_lines_with_prefix (text, "dnscmd "), ==, 2);
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_autofree char *framed = g_strdup_printf ("\n%s\n", line);
  g_autofree char *framed_text = g_strdup_printf ("\n%s", text);

  return strstr (framed_text, framed) != NULL;
}

static void
test_multi_domain_plan (void)
{
  g_autoptr(LcsProfile) profile = contoso_profile ("contoso.com,fabrikam.com");
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);
  g_autofree char *dnscmd = export_ok (plan, LCS_FORMAT_DNSCMD);
  g_autofree char *ps = export_ok (plan, LCS_FORMAT_POWERSHELL);
  g_autofree char *bind = export_ok (plan, LCS_FORMAT_BIND);

  g_assert_true (has_line (dnscmd, "dnscmd . /RecordAdd fabrikam.com sip A 192.0.2.10"));
  g_assert_true (has_line (dnscmd, "dnscmd . /RecordAdd fabrikam.com _sipinternaltls._tcp SRV"
                                   " 0 0 5061 sip.fabrikam.com."));
  g_assert_true (has_line (dnscmd, "dnscmd . /RecordAdd contoso.com _sipinternaltls._tcp SRV"
                                   " 0 0 5061 lcs.contoso.com."));
  g_assert_true (has_line (dnscmd, "dnscmd . /RecordAdd contoso.com lcs A 192.0.2.10"));
  g_assert_true (has_line (ps, "Add-DnsServerResourceRecord -Srv -ZoneName fabrikam.com"
                               " -Name _sipinternaltls._tcp -DomainName sip.fabrikam.com"
                               " -Priority 0 -Weight 0 -Port 5061"));
  g_assert_true (has_line (ps, "Add-DnsServerResourceRecordA -ZoneName fabrikam.com -Name sip"
                               " -IPv4Address 192.0.2.10"));
  g_assert_true (has_line (bind, "_sipinternaltls._tcp.fabrikam.com. 3600 IN SRV 0 0 5061"
                                 " sip.fabrikam.com."));
  /* One line per planned record in every format. */
  g_assert_cmpuint (count_lines_with_prefix (dnscmd, "dnscmd "), ==, plan->len);
  g_assert_cmpuint (count_lines_with_prefix (ps, "Add-"), ==, plan->len);
}

static void
assert_rejected (GPtrArray  *records,
                 LcsFormat   format,
                 const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = lcs_export_records (records, format, &error);
  g_autofree char *shown = g_strescape (value, NULL);

  g_assert_null (text);
  g_assert_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strchr (error->message, '\r'));
  if (strstr (error->message, shown) == NULL)
    g_error ("message does not name %s: %s", shown, error->message);
}

typedef enum {
  FIELD_SRV_OWNER,
  FIELD_SRV_TARGET,
  FIELD_SRV_DOMAIN,
  FIELD_HOST_OWNER,
  FIELD_ADDRESS,
  N_FIELDS
} Field;

/* A good record first: a bad one later must still leave nothing written. */
static GPtrArray *
records_with_bad_field (Field       field,
                        const char *fragment,
                        char      **value)
{
  g_autoptr(GPtrArray) records = contoso_records ();
  g_autofree char *name = g_strdup_printf ("lcs%sx.contoso.com", fragment);
  g_autofree char *address = g_strdup_printf ("192.0.2.10%s", fragment);

  switch (field)
    {
    case FIELD_SRV_OWNER:
      g_free (name);
      name = g_strdup_printf ("_sip%s._tls.contoso.com", fragment);
      g_ptr_array_add (records, planned_srv (LCS_VIEW_INTERNAL, "contoso.com", name, 5061,
                                             "lcs.contoso.com."));
      *value = g_steal_pointer (&name);
      break;
    case FIELD_SRV_TARGET:
      g_ptr_array_add (records, planned_srv (LCS_VIEW_INTERNAL, "contoso.com",
                                             "_sip._tls.contoso.com.", 5061, name));
      *value = g_steal_pointer (&name);
      break;
    case FIELD_SRV_DOMAIN:
      g_free (name);
      name = g_strdup_printf ("contoso%s.com", fragment);
      g_ptr_array_add (records, planned_srv (LCS_VIEW_INTERNAL, name, "_sip._tls.contoso.com.",
                                             5061, "lcs.contoso.com."));
      *value = g_steal_pointer (&name);
      break;
    case FIELD_HOST_OWNER:
      g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", name, "192.0.2.10"));
      *value = g_steal_pointer (&name);
      break;
    case FIELD_ADDRESS:
    default:
      g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", "sip.contoso.com.",
                                           address));
      *value = g_steal_pointer (&address);
      break;
    }
  return g_steal_pointer (&records);
}

static void
test_rejects_hostile_values (void)
{
  gsize f, h, k;

  for (k = 0; k < G_N_ELEMENTS (record_formats); k++)
    for (f = 0; f < N_FIELDS; f++)
      for (h = 0; h < G_N_ELEMENTS (hostile); h++)
        {
          g_autofree char *value = NULL;
          g_autoptr(GPtrArray) records = records_with_bad_field (f, hostile[h], &value);

          assert_rejected (records, record_formats[k], value);
        }
}

static void
test_rejects_empty_and_missing (void)
{
  gsize k;

  for (k = 0; k < G_N_ELEMENTS (record_formats); k++)
    {
      g_autoptr(GPtrArray) records = contoso_records ();
      LcsPlannedRecord *srv = g_ptr_array_index (records, 0);
      LcsPlannedRecord *host = g_ptr_array_index (records, 1);

      g_clear_pointer (&srv->target, g_free);
      assert_rejected (records, record_formats[k], "");
      srv->target = g_strdup ("lcs.contoso.com.");
      g_clear_pointer (&host->address, g_free);
      assert_rejected (records, record_formats[k], "");
      host->address = g_strdup ("999.0.2.10");
      assert_rejected (records, record_formats[k], "999.0.2.10");
      g_free (host->address);
      host->address = g_strdup ("192.0.2.10");
      g_free (srv->target);
      srv->target = g_strdup ("_sip.contoso.com.");
      assert_rejected (records, record_formats[k], "_sip.contoso.com.");
    }
}

/* The characters a line may hold once every name is validated: no shell or PowerShell syntax. */
static gboolean
line_is_inert (const char *line,
               LcsFormat   format)
{
  const char *allowed = format == LCS_FORMAT_POWERSHELL ? "._-@: '#"
                        : format == LCS_FORMAT_DNSCMD   ? "._-@: /"
                                                        : "._-: ;";
  const char *p;
  guint quotes = 0;

  for (p = line; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr (allowed, *p) == NULL)
        return FALSE;
      if (*p == '\'')
        {
          /* A quote opens or closes a whole argument: " '" opens, "' " or end closes. */
          if (quotes % 2 == 0 && (p == line || p[-1] != ' '))
            return FALSE;
          if (quotes % 2 == 1 && p[1] != ' ' && p[1] != '\0')
            return FALSE;
          quotes++;
        }
    }
  return quotes % 2 == 0;
}

/* Random names from an alphabet full of metacharacters: each is either rejected, or written
 * into lines that hold nothing but inert characters. */
static void
test_random_names_inert (void)
{
  static const char alphabet[] = "abzAZ09-_.;$()`'\" &|<>\n\t@*\\/:#%!{}=,";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  guint accepted = 0, rejected = 0;
  guint i;
  gsize k;

  for (i = 0; i < 1500; i++)
    {
      char label[16];
      guint len = g_rand_int_range (rand, 1, sizeof label);
      g_autofree char *name = NULL;
      gboolean plain = TRUE;
      guint c;

      for (c = 0; c < len; c++)
        {
          label[c] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          plain = plain && (g_ascii_isalnum (label[c]) || strchr ("-_.", label[c]) != NULL);
        }
      label[len] = '\0';
      name = g_strdup_printf ("%s.contoso.com", label);

      for (k = 0; k < G_N_ELEMENTS (record_formats); k++)
        {
          g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_planned_record_free);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          g_auto(GStrv) lines = NULL;
          guint l;

          g_ptr_array_add (records, planned_srv (LCS_VIEW_INTERNAL, "contoso.com",
                                                 "_sip._tls.contoso.com.", 5061, name));
          g_ptr_array_add (records, planned_a (LCS_VIEW_INTERNAL, "contoso.com", name,
                                               "192.0.2.10"));
          text = lcs_export_records (records, record_formats[k], &error);
          g_assert_cmpint (text != NULL, ==, lcs_name_validate (name, LCS_NAME_HOST, NULL));
          if (text == NULL)
            {
              g_assert_error (error, LCS_EXPORT_ERROR, LCS_EXPORT_ERROR_INVALID_NAME);
              rejected++;
              continue;
            }
          g_assert_true (plain);
          accepted++;
          lines = g_strsplit (text, "\n", -1);
          for (l = 0; lines[l] != NULL; l++)
            if (!line_is_inert (lines[l], record_formats[k]))
              g_error ("not inert: %s", lines[l]);
        }
    }
  /* Both branches ran, or the test proved nothing. */
  g_assert_cmpuint (accepted, >, 30);
  g_assert_cmpuint (rejected, >, 30);
}

static LcsRecordResult *
result_new (LcsPlannedRecord *planned,
            LcsRecordStatus   status,
            const char       *found)
{
  LcsRecordResult *result = g_new0 (LcsRecordResult, 1);

  result->planned = planned;
  result->status = status;
  result->found = g_ptr_array_new_with_free_func (g_free);
  if (found != NULL)
    g_ptr_array_add (result->found, g_strdup (found));
  return result;
}

/* Zone mode: a fixed report whose records are ok, missing and mismatched. */
static LcsReport *
zone_report (void)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_ZONE);
  LcsFinding *finding;

  g_ptr_array_add (report->results,
                   result_new (planned_srv (LCS_VIEW_INTERNAL, "contoso.com",
                                            "_sipinternaltls._tcp.contoso.com.", 5061,
                                            "lcs.contoso.com."),
                               LCS_STATUS_OK, "0 0 5061 lcs.contoso.com."));
  g_ptr_array_add (report->results,
                   result_new (planned_srv (LCS_VIEW_INTERNAL, "contoso.com",
                                            "_sipinternal._tcp.contoso.com.", 5060,
                                            "lcs.contoso.com."),
                               LCS_STATUS_MISSING, NULL));
  g_ptr_array_add (report->results,
                   result_new (planned_a (LCS_VIEW_INTERNAL, "contoso.com", "lcs.contoso.com.",
                                          "192.0.2.10"),
                               LCS_STATUS_MISMATCH, "192.0.2.99"));
  finding = lcs_finding_new ("record-missing", LCS_VIEW_INTERNAL, "_sipinternal._tcp.contoso.com.",
                             "No SRV record at _sipinternal._tcp.contoso.com.");
  lcs_finding_set_fix (finding, "Create it: Service _sipinternal, Protocol _tcp, Port 5060");
  lcs_report_add_finding (report, finding);
  return report;
}

static void
test_report_exports_records_to_create (void)
{
  g_autoptr(LcsReport) report = zone_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dnscmd = lcs_export_report (report, LCS_FORMAT_DNSCMD, &error);
  g_autoptr(LcsProfile) profile = contoso_profile ("contoso.com");
  g_autoptr(LcsReport) plan = lcs_check_plan (profile);
  g_autofree char *planned = lcs_export_report (plan, LCS_FORMAT_BIND, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dnscmd, ==,
                   "REM internal DNS\n"
                   "dnscmd . /RecordAdd contoso.com _sipinternal._tcp SRV 0 0 5060 lcs.contoso.com.\n"
                   "dnscmd . /RecordAdd contoso.com lcs A 192.0.2.10\n");
  /* Plan mode: every planned record, each on its own zone line. */
  g_assert_cmpuint (plan->results->len, >, 0);
  g_assert_cmpuint (count_lines_with_prefix (planned, "_sip") +
                    count_lines_with_prefix (planned, "lcs.contoso.com. 3600 IN A "), ==,
                    plan->results->len);
}

static void
test_text_report (void)
{
  g_autoptr(LcsReport) report = zone_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  LcsFinding *finding;

  g_ptr_array_add (report->files, g_strdup ("contoso.com.dns"));
  finding = lcs_finding_new ("srv-split", LCS_VIEW_INTERNAL, "_sipinternaltls._tcp._tcp.contoso.com.",
                             "Service holds the protocol \x1b[31mtoo");
  lcs_finding_set_fix (finding, "Service _sipinternaltls, Protocol _tcp");
  lcs_report_add_finding (report, finding);
  text = lcs_export_report (report, LCS_FORMAT_TEXT, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "contoso.com.dns"));
  g_assert_nonnull (strstr (text, "Name"));
  g_assert_nonnull (strstr (text, "Expected"));
  g_assert_nonnull (strstr (text, "Status"));
  g_assert_nonnull (strstr (text, "_sipinternal._tcp.contoso.com."));
  g_assert_nonnull (strstr (text, "missing"));
  g_assert_nonnull (strstr (text, "192.0.2.99"));
  g_assert_nonnull (strstr (text, "srv-split"));
  g_assert_nonnull (strstr (text, "fix: Service _sipinternaltls, Protocol _tcp"));
  /* A terminal never receives an escape sequence from the data. */
  g_assert_null (strchr (text, '\x1b'));
  g_assert_cmpuint (report->errors, ==, 2);
  summary = g_strdup_printf ("\n%u errors, %u warnings, %u info\n",
                             report->errors, report->warnings, report->infos);
  g_assert_true (g_str_has_suffix (text, summary));
}

static void
test_text_entry (void)
{
  g_autoptr(LcsProfile) profile = contoso_profile ("contoso.com");
  g_autoptr(LcsSrvEntry) entry = lcs_srv_entry_new_full ("contoso.com", "_sipinternaltls._tcp",
                                                         "_tcp", "0", "0", "5061",
                                                         "lcs.contoso.com");
  g_autoptr(LcsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *owner_line = NULL;
  LcsFinding *finding;

  report = lcs_check_entry (profile, entry);
  text = lcs_export_report (report, LCS_FORMAT_TEXT, &error);
  g_assert_no_error (error);

  g_assert_nonnull (report->entry_owner);
  owner_line = g_strdup_printf ("Owner:  %s\n", report->entry_owner);
  g_assert_nonnull (strstr (text, owner_line));
  g_assert_nonnull (strstr (text, "Record: "));
  g_assert_nonnull (strstr (text, "srv-split"));
  g_assert_null (strstr (text, "Records\n"));

  /* The fix as dialog fields, and the record to create with it applied. */
  g_assert_nonnull (strstr (text, "type: Domain contoso.com, Service _sipinternaltls, "
                                  "Protocol _tcp, Priority 0, Weight 0, Port number 5061, "
                                  "Host offering this service lcs.contoso.com\n"));
  g_assert_nonnull (strstr (text, "Create: _sipinternaltls._tcp.contoso.com. SRV "
                                  "0 0 5061 lcs.contoso.com.\n"));

  /* A field left empty in a fix is said so rather than left out. */
  finding = lcs_finding_new ("srv-range", LCS_VIEW_INTERNAL, report->entry_owner, "weight");
  finding->fix_entry = lcs_srv_entry_copy (entry);
  g_free (finding->fix_entry->weight);
  finding->fix_entry->weight = g_strdup ("");
  lcs_report_add_finding (report, finding);
  g_clear_pointer (&text, g_free);
  text = lcs_export_report (report, LCS_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Protocol _tcp, Priority 0, Weight (empty), Port number 5061"));

  g_clear_pointer (&text, g_free);
  text = lcs_export_report (report, LCS_FORMAT_HTML, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "<tr><th>Create</th><td class=\"name\">"
                                  "_sipinternaltls._tcp.contoso.com. SRV 0 0 5061 lcs.contoso.com."
                                  "</td></tr>"));
}

/* RFC 4180 reader: rows of fields; fails the test on anything malformed. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            {
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (field, *p);
            }
        }
      g_ptr_array_add (row, g_string_free (field, FALSE));
      field = g_string_new (NULL);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static void
test_csv_report (void)
{
  g_autoptr(LcsReport) report = zone_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *message = "Found \"sip\", not \"_sip\"\nsecond line";
  const char *fix = "Type \"_sip\" into Service";
  GPtrArray *header, *last = NULL;
  LcsFinding *finding;
  guint i, records = 0, findings = 0;

  finding = lcs_finding_new ("srv-underscore", LCS_VIEW_EXTERNAL, "sip._tls.contoso.com.",
                             "%s", message);
  lcs_finding_set_fix (finding, "%s", fix);
  lcs_report_add_finding (report, finding);
  csv = lcs_export_report (report, LCS_FORMAT_CSV, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);

  g_assert_cmpuint (rows->len, ==, 1 + report->results->len + report->findings->len);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "kind");
  for (i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, ==, header->len);
      if (i == 0)
        continue;
      records += g_str_equal (g_ptr_array_index (row, 0), "record");
      findings += g_str_equal (g_ptr_array_index (row, 0), "finding");
    }
  g_assert_cmpuint (records, ==, report->results->len);
  g_assert_cmpuint (findings, ==, report->findings->len);

  /* The finding with the awkward message and fix round-trips byte for byte. */
  for (i = 1; i < rows->len; i++)
    {
      last = g_ptr_array_index (rows, i);
      if (g_str_equal (g_ptr_array_index (last, 1), "sip._tls.contoso.com."))
        break;
    }
  g_assert_cmpuint (i, <, rows->len);
  for (i = 0; i < header->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (header, i), "message"))
        g_assert_cmpstr (g_ptr_array_index (last, i), ==, message);
      if (g_str_equal (g_ptr_array_index (header, i), "fix"))
        g_assert_cmpstr (g_ptr_array_index (last, i), ==, fix);
    }
}

static void
test_html_report (void)
{
  g_autoptr(LcsReport) report = zone_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  lcs_report_add_finding (report, lcs_finding_new ("srv-underscore", LCS_VIEW_INTERNAL,
                                                   "sip._tls.contoso.com.",
                                                   "<script>alert(1)</script> & \"more\""));
  html = lcs_export_report (report, LCS_FORMAT_HTML, &error);
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"));
  /* Self-contained: nothing fetched from elsewhere. */
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "href="));
  /* Status as words, not only as colour. */
  g_assert_nonnull (strstr (html, ">missing</td>"));
  g_assert_nonnull (strstr (html, ">mismatch</td>"));
  g_assert_nonnull (strstr (html, ">ok</td>"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
}

/* A New Host fix is printed as the fields to type, like an SRV fix. */
static void
test_text_host_fix (void)
{
  g_autoptr(LcsHostEntry) entry = lcs_host_entry_new ("contoso.com");
  g_autoptr(LcsHostResult) result = NULL;
  g_autoptr(LcsReport) report = lcs_report_new (LCS_SOURCE_ENTRY);
  g_autofree char *text = NULL;
  guint i;

  g_free (entry->name);
  entry->name = g_strdup ("sip.contoso.com");
  g_free (entry->address);
  entry->address = g_strdup ("192.0.2.10");
  result = lcs_host_entry_check (entry, NULL);
  for (i = 0; i < result->findings->len; i++)
    lcs_report_add_finding (report, lcs_finding_copy (g_ptr_array_index (result->findings, i)));
  text = lcs_export_report (report, LCS_FORMAT_TEXT, NULL);
  g_assert_nonnull (strstr (text, "type: Domain contoso.com, Name sip, IP address 192.0.2.10"));
}

/* Scripts for Windows get CRLF line ends in a file; zone lines and reports stay as they are. */
static void
test_for_file (void)
{
  g_autofree char *cmd = lcs_export_for_file ("a\nb\r\nc\n", LCS_FORMAT_DNSCMD);
  g_autofree char *ps1 = lcs_export_for_file ("a\n", LCS_FORMAT_POWERSHELL);
  g_autofree char *bind = lcs_export_for_file ("a\nb\n", LCS_FORMAT_BIND);

  g_assert_cmpstr (cmd, ==, "a\r\nb\r\nc\r\n");
  g_assert_cmpstr (ps1, ==, "a\r\n");
  g_assert_cmpstr (bind, ==, "a\nb\n");
  g_assert_cmpstr (lcs_format_extension (LCS_FORMAT_DNSCMD), ==, ".cmd");
  g_assert_cmpstr (lcs_format_extension (LCS_FORMAT_POWERSHELL), ==, ".ps1");
  g_assert_cmpstr (lcs_format_extension (LCS_FORMAT_BIND), ==, ".zone");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/dnscmd", test_dnscmd_lines);
  g_test_add_func ("/export/powershell", test_powershell_lines);
  g_test_add_func ("/export/bind", test_bind_lines);
  g_test_add_func ("/export/one-record", test_one_record);
  g_test_add_func ("/export/ipv6", test_ipv6_address);
  g_test_add_func ("/export/zone-and-node", test_zone_and_node);
  g_test_add_func ("/export/views-grouped", test_views_grouped);
  g_test_add_func ("/export/multi-domain-plan", test_multi_domain_plan);
  g_test_add_func ("/export/rejects-hostile", test_rejects_hostile_values);
  g_test_add_func ("/export/rejects-empty", test_rejects_empty_and_missing);
  g_test_add_func ("/export/random-names-inert", test_random_names_inert);
  g_test_add_func ("/export/report-records", test_report_exports_records_to_create);
  g_test_add_func ("/export/text", test_text_report);
  g_test_add_func ("/export/text-entry", test_text_entry);
  g_test_add_func ("/export/text-host-fix", test_text_host_fix);
  g_test_add_func ("/export/csv", test_csv_report);
  g_test_add_func ("/export/html", test_html_report);

  g_test_add_func ("/export/for-file", test_for_file);
  return g_test_run ();
}
