/* The remediation of a check: the fewest exact deletions and additions that make the observed
 * DNS what the plan says, each tied to the findings it resolves (docs/spec.md §1 item 6, §6). Every
 * fix script (dnscmd, PowerShell, nsupdate, BIND) renders this one list. */
#pragma once

#include <glib.h>
#include <lcsdns/check/check.h>
#include <lcsdns/export/export.h>
#include <lcsdns/model/observe.h>

G_BEGIN_DECLS

typedef enum {
  LCS_FIX_DELETE,   /* remove this exact record (owner, type, data) as observed */
  LCS_FIX_ADD,      /* create this record */
} LcsFixAction;

typedef struct {
  LcsFixAction  action;
  LcsView       view;
  char         *zone;      /* absolute: the zone the record lives in */
  LcsRecord    *record;    /* owner, type and data; a deletion's data exactly as observed */
  GPtrArray    *findings;  /* LcsFinding*: the findings this operation resolves (copies) */
  gboolean      enabled;   /* FALSE: left out of the rendering (the GUI's check box) */
} LcsFixOp;

typedef struct {
  LcsSourceKind  kind;      /* zone or live */
  GPtrArray     *sources;   /* char*: the zone files or servers the check read */
  GDateTime     *made;      /* when the remediation was computed */
  GPtrArray     *ops;       /* LcsFixOp*: per view and zone, deletions before additions */
  int            view_only; /* -1: both views; else the one LcsView it was limited to */
} LcsRemediation;

/* The remediation of @report, a zone or live check of @obs. @view_only: -1 for both views,
 * else one LcsView (--fix-only). A plan or entry report (@obs NULL) gives every record as an
 * addition. A DNS that is already right gives no operations. Records
 * the plan does not know are never touched; a record is deleted only with the exact data
 * @obs holds. */
LcsRemediation *lcs_remediation_build (const LcsReport       *report,
                                       const LcsObservations *obs,
                                       int                    view_only);
void            lcs_remediation_free  (LcsRemediation *fix);

/* Operations that will be rendered (enabled). */
guint           lcs_remediation_count (const LcsRemediation *fix);

/* One line a person reads: "delete _sip._tcp.contoso.com. SRV 0 0 5060 a.contoso.com.". */
char           *lcs_fix_op_describe   (const LcsFixOp *op);
/* The rule ids of the findings @op resolves, ", "-joined. */
char           *lcs_fix_op_rules      (const LcsFixOp *op);

/* dnscmd, PowerShell, BIND and nsupdate: the formats a remediation renders to. */
gboolean        lcs_format_is_fix_script (LcsFormat format);

/* The remediation as a script in @format (dnscmd, PowerShell, nsupdate or BIND). Every name
 * and value is validated first; one that is not valid DNS fails the whole export. dnscmd and
 * PowerShell scripts end lines with CRLF (.cmd / .ps1 files). The views are different servers
 * holding zones of the same name: dnscmd and PowerShell take the external server as a second
 * argument and skip the external operations without it; an nsupdate script of both views
 * carries the external ones as comments (run --fix-only=external against the external server). */
char           *lcs_export_remediation (const LcsRemediation *fix,
                                        LcsFormat             format,
                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcsRemediation, lcs_remediation_free)

G_END_DECLS
