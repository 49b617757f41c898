/* What the console window shows: a profile, where it is saved, whether it changed, the zone
 * file it is checked against offline, and the last report. No GTK here. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

typedef struct {
  LcsProfile *profile;
  char       *path;       /* NULL: not saved yet (new or demo) */
  gboolean    dirty;
  gboolean    demo;
  GPtrArray  *zones[2];   /* char*: zone files per LcsView for the offline check; both empty: none */
  GPtrArray  *cert_findings; /* LcsFinding*: the Certificates page's, added to every report */
  LcsReport  *report;     /* NULL before any check */
  double      seconds;    /* time the last check took */
} LcsDocument;

LcsDocument *lcs_document_new        (LcsProfile  *profile,
                                      const char  *path);
void         lcs_document_free       (LcsDocument *doc);

LcsDocument *lcs_document_open_demo  (GError     **error);
LcsDocument *lcs_document_open       (const char  *path,
                                      GError     **error);
gboolean     lcs_document_save       (LcsDocument *doc,
                                      const char  *path,
                                      GError     **error);

/* Plan mode: every required record, status "planned". */
void         lcs_document_check_plan (LcsDocument *doc);
gboolean     lcs_document_has_zones  (const LcsDocument *doc);
/* Adds @path to the zones of @view (once). */
void         lcs_document_add_zone   (LcsDocument *doc,
                                      LcsView      view,
                                      const char  *path);
/* Offline: the zone files plus the records the admin added, checked as zones. */
gboolean     lcs_document_check_zone (LcsDocument *doc,
                                      GError     **error);
/* Keeps copies of @findings (LcsFinding*, the certificate's) for every report from now on. */
void         lcs_document_set_cert_findings (LcsDocument *doc,
                                             GPtrArray   *findings);
/* Replaces the certificate findings in @report by the document's. */
void         lcs_document_add_cert_findings (const LcsDocument *doc,
                                             LcsReport         *report);
/* Takes @report. */
void         lcs_document_set_report (LcsDocument *doc,
                                      LcsReport   *report,
                                      double       seconds);

/* Adds @record (taken) to the profile's added records; marks the document changed. */
void         lcs_document_add_record (LcsDocument *doc,
                                      LcsRecord   *record);

/* "contoso.lcsdns" or "Demo deployment" or "Untitled deployment". */
char        *lcs_document_display_name (const LcsDocument *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsDocument, lcs_document_free)

G_END_DECLS
