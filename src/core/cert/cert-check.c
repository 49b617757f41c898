/* The names a front-end certificate must cover, and the cert rules of docs/spec.md §4. */
#include <lcsdns/cert/cert.h>

#include <lcsdns/model/name.h>
#include <lcsdns/profile/plan.h>

#include <string.h>

void
lcs_cert_coverage_free (LcsCertCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_free (coverage->name);
  g_free (coverage->reason);
  g_free (coverage->covered_by);
  g_free (coverage);
}

static void add_name (GPtrArray      *list,
                      GHashTable     *seen,
                      const char     *name,
                      LcsCertNameKind kind,
                      const char     *format,
                      ...) G_GNUC_PRINTF (5, 6);

/* Appends @name unless it is already listed: the first reason is the strongest. */
static void
add_name (GPtrArray      *list,
          GHashTable     *seen,
          const char     *name,
          LcsCertNameKind kind,
          const char     *format,
          ...)
{
  LcsCertCoverage *entry;
  char *key;
  va_list args;

  if (name == NULL || *name == '\0' || strcmp (name, ".") == 0)
    return;
  key = lcs_name_bare (name);
  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (seen, key);

  entry = g_new0 (LcsCertCoverage, 1);
  entry->name = g_strdup (key);
  entry->kind = kind;
  entry->required = TRUE;
  va_start (args, format);
  entry->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (list, entry);
}

static gboolean
has_address_record (const LcsObservations *obs,
                    const char            *name)
{
  static const LcsView views[] = { LCS_VIEW_INTERNAL, LCS_VIEW_EXTERNAL };
  static const guint16 types[] = { LCS_TYPE_A, LCS_TYPE_AAAA };
  g_autofree char *absolute = lcs_name_normalize (name);

  for (gsize v = 0; v < G_N_ELEMENTS (views); v++)
    for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
      {
        g_autoptr(GPtrArray) found = lcs_observations_lookup (obs, views[v], absolute, types[t]);

        if (found != NULL && found->len > 0)
          return TRUE;
      }
  return FALSE;
}

static void
add_plan_targets (GPtrArray        *list,
                  GHashTable       *seen,
                  const LcsProfile *profile)
{
  g_autoptr(GPtrArray) plan = lcs_plan_build (profile);

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      const LcsPlannedRecord *record = plan->pdata[i];
      g_autofree char *owner = NULL;

      /* Where the generation needs them, clients reach these web names over TLS. */
      if (record->certificate)
        add_name (list, seen, record->name, LCS_CERT_NAME_WEB, "%s",
                  "Autodiscover or simple URL of the plan");
      if (record->view != LCS_VIEW_INTERNAL || record->type != LCS_TYPE_SRV
          || record->target == NULL)
        continue;
      owner = lcs_name_bare (record->name);
      add_name (list, seen, record->target, LCS_CERT_NAME_SRV_TARGET,
                "target of the SRV record %s", owner);
    }
}

static void
add_fallback_names (GPtrArray             *list,
                    GHashTable            *seen,
                    const LcsProfile      *profile,
                    const LcsObservations *obs)
{
  static const char *const labels[] = { "sipinternal", "sip", "sipexternal" };

  for (guint d = 0; d < profile->domains->len; d++)
    for (gsize l = 0; l < G_N_ELEMENTS (labels); l++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", labels[l],
                                                 (const char *) profile->domains->pdata[d]);

        if (has_address_record (obs, name))
          add_name (list, seen, name, LCS_CERT_NAME_FALLBACK,
                    "fallback sign-in name: its A record exists");
      }
}

GPtrArray *
lcs_cert_required_names (const LcsProfile      *profile,
                         const LcsObservations *obs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_cert_coverage_free);

  g_return_val_if_fail (profile != NULL, list);

  if (profile->edition == LCS_EDITION_ENTERPRISE)
    {
      add_name (list, seen, profile->pool, LCS_CERT_NAME_POOL, "pool FQDN");
      for (guint i = 0; profile->members != NULL && i < profile->members->len; i++)
        {
          const LcsMember *member = profile->members->pdata[i];

          add_name (list, seen, member->fqdn, LCS_CERT_NAME_SERVER, "member server FQDN");
        }
    }
  else
    add_name (list, seen, profile->pool, LCS_CERT_NAME_SERVER, "server FQDN");

  add_plan_targets (list, seen, profile);

  if (profile->matching == LCS_MATCHING_STRICT)
    for (guint d = 0; profile->domains != NULL && d < profile->domains->len; d++)
      {
        g_autofree char *sip = g_strdup_printf ("sip.%s", (const char *) profile->domains->pdata[d]);

        add_name (list, seen, sip, LCS_CERT_NAME_SIP_HOST,
                  "clients that match strictly sign in to sip.<domain>");
      }

  if (obs != NULL && profile->domains != NULL)
    add_fallback_names (list, seen, profile, obs);
  return list;
}

/* The SAN entry covering @name: an exact entry before a wildcard. */
static const char *
find_covering_san (const LcsCertInfo *info,
                   const char        *name)
{
  for (guint i = 0; i < info->dns_names->len; i++)
    {
      const char *san = info->dns_names->pdata[i];

      if (!g_str_has_prefix (san, "*") && lcs_cert_san_matches (san, name))
        return san;
    }
  for (guint i = 0; i < info->dns_names->len; i++)
    if (lcs_cert_san_matches (info->dns_names->pdata[i], name))
      return info->dns_names->pdata[i];
  return NULL;
}

GPtrArray *
lcs_cert_coverage (const LcsProfile      *profile,
                   const LcsCertInfo     *info,
                   const LcsObservations *obs)
{
  GPtrArray *list = lcs_cert_required_names (profile, obs);
  gboolean member_covered = FALSE;

  g_return_val_if_fail (info != NULL, list);

  for (guint i = 0; i < list->len; i++)
    {
      LcsCertCoverage *entry = list->pdata[i];

      entry->covered_by = g_strdup (find_covering_san (info, entry->name));
      if (entry->kind == LCS_CERT_NAME_SERVER && profile->edition == LCS_EDITION_ENTERPRISE
          && entry->covered_by != NULL)
        member_covered = TRUE;
    }

  /* Each front end has its own certificate: once it names one member, it is that member's. */
  for (guint i = 0; member_covered && i < list->len; i++)
    {
      LcsCertCoverage *entry = list->pdata[i];

      if (entry->kind == LCS_CERT_NAME_SERVER && entry->covered_by == NULL)
        {
          entry->required = FALSE;
          g_free (entry->reason);
          entry->reason = g_strdup ("another member server: its own certificate names it");
        }
    }
  return list;
}

static void
check_coverage (GPtrArray             *findings,
                const LcsProfile      *profile,
                const LcsCertInfo     *info,
                const LcsObservations *obs)
{
  g_autoptr(GPtrArray) coverage = lcs_cert_coverage (profile, info, obs);

  for (guint i = 0; i < coverage->len; i++)
    {
      const LcsCertCoverage *entry = coverage->pdata[i];
      g_autofree char *owner = NULL;
      LcsFinding *finding;

      if (!entry->required || entry->covered_by != NULL)
        continue;
      owner = lcs_name_normalize (entry->name);
      finding = lcs_finding_new ("cert-san-missing", LCS_VIEW_INTERNAL, owner,
                                 "%s (%s) is not in the certificate's Subject Alternative Names",
                                 entry->name, entry->reason);
      lcs_finding_set_fix (finding, "add DNS Name=%s to the SAN list and reissue the certificate",
                           entry->name);
      g_ptr_array_add (findings, finding);
    }
}

static void
check_subject (GPtrArray         *findings,
               const LcsProfile  *profile,
               const LcsCertInfo *info,
               const char        *owner)
{
  const char *role = profile->edition == LCS_EDITION_ENTERPRISE ? "pool" : "server";
  LcsFinding *finding;

  if (info->subject_cn != NULL && lcs_name_equal (info->subject_cn, profile->pool))
    return;
  if (info->subject_cn == NULL)
    finding = lcs_finding_new ("cert-subject", LCS_VIEW_INTERNAL, owner,
                               "the certificate's subject (%s) has no CN; it must be the %s FQDN %s",
                               info->subject != NULL ? info->subject : "empty", role, profile->pool);
  else
    finding = lcs_finding_new ("cert-subject", LCS_VIEW_INTERNAL, owner,
                               "the certificate's subject CN is %s, not the %s FQDN %s",
                               info->subject_cn, role, profile->pool);
  lcs_finding_set_fix (finding, "request the certificate with Subject CN=%s", profile->pool);
  g_ptr_array_add (findings, finding);
}

static void
check_validity (GPtrArray         *findings,
                const LcsCertInfo *info,
                const char        *owner,
                GDateTime         *now)
{
  LcsFinding *finding = NULL;

  if (info->not_before != NULL && g_date_time_compare (now, info->not_before) < 0)
    {
      g_autofree char *when = g_date_time_format (info->not_before, "%Y-%m-%d %H:%M:%S UTC");

      finding = lcs_finding_new ("cert-validity", LCS_VIEW_INTERNAL, owner,
                                 "the certificate is not valid yet: valid from %s", when);
      lcs_finding_set_fix (finding, "check the server's clock, or use a certificate valid now");
    }
  else if (info->not_after != NULL && g_date_time_compare (now, info->not_after) > 0)
    {
      g_autofree char *when = g_date_time_format (info->not_after, "%Y-%m-%d %H:%M:%S UTC");

      finding = lcs_finding_new ("cert-validity", LCS_VIEW_INTERNAL, owner,
                                 "the certificate expired on %s", when);
      lcs_finding_set_fix (finding, "renew the certificate with the same names and assign it "
                                    "to the server");
    }
  if (finding != NULL)
    g_ptr_array_add (findings, finding);
}

static void
check_san_length (GPtrArray         *findings,
                  const LcsCertInfo *info,
                  const char        *owner)
{
  g_autofree char *text = lcs_cert_san_text (info);
  gsize length = strlen (text);
  LcsFinding *finding;

  if (length < LCS_CERT_SAN_NEAR)
    return;
  if (length > LCS_CERT_SAN_LIMIT)
    {
      finding = lcs_finding_new ("cert-san-length", LCS_VIEW_INTERNAL, owner,
                                 "the SAN list is %" G_GSIZE_FORMAT " characters long, over the "
                                 "%d a Windows CA accepts", length, LCS_CERT_SAN_LIMIT);
      finding->severity = LCS_SEVERITY_ERROR;
    }
  else
    {
      finding = lcs_finding_new ("cert-san-length", LCS_VIEW_INTERNAL, owner,
                                 "the SAN list is %" G_GSIZE_FORMAT " characters long, close to "
                                 "the %d a Windows CA accepts", length, LCS_CERT_SAN_LIMIT);
      finding->severity = LCS_SEVERITY_WARNING;
    }
  lcs_finding_set_fix (finding, "drop SAN entries no client connects to, or cover several hosts "
                                "of one domain with one wildcard entry");
  g_ptr_array_add (findings, finding);
}

GPtrArray *
lcs_cert_check (const LcsProfile      *profile,
                const LcsCertInfo     *info,
                const LcsObservations *obs,
                GDateTime             *now)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) lcs_finding_free);
  g_autofree char *owner = NULL;

  g_return_val_if_fail (profile != NULL && info != NULL && now != NULL, findings);

  /* Findings about the certificate as a whole are about the pool (or server) it is for; an
   * incomplete profile, as the console may have while it is being filled in, has none. */
  if (profile->pool != NULL)
    owner = lcs_name_normalize (profile->pool);
  check_coverage (findings, profile, info, obs);
  if (profile->pool != NULL)
    check_subject (findings, profile, info, owner);
  check_validity (findings, info, owner, now);
  check_san_length (findings, info, owner);
  return findings;
}

LcsReport *
lcs_cert_check_report (const LcsProfile      *profile,
                       const LcsCertInfo     *info,
                       const LcsObservations *obs,
                       GDateTime             *now)
{
  LcsReport *report = lcs_report_new (LCS_SOURCE_CERT);
  GPtrArray *findings = lcs_cert_check (profile, info, obs, now);
  gsize n_findings = 0;
  g_autofree LcsFinding **taken = (LcsFinding **) g_ptr_array_steal (findings, &n_findings);

  g_ptr_array_unref (findings);
  if (info != NULL && info->source != NULL)
    g_ptr_array_add (report->files, g_strdup (info->source));
  for (gsize i = 0; i < n_findings; i++)
    lcs_report_add_finding (report, taken[i]);
  lcs_report_sort (report);
  return report;
}
