/* The rule catalogue (docs/spec.md §4): stable ids with what, why, fix and a public source. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LCS_SEVERITY_INFO,
  LCS_SEVERITY_WARNING,
  LCS_SEVERITY_ERROR,
} LcsSeverity;

/* What a rule is about: where a front end shows its findings. */
typedef enum {
  LCS_SUBJECT_DNS,         /* the records of the plan as a whole: missing, wildcards, views */
  LCS_SUBJECT_SRV,         /* one SRV record or SRV dialog entry */
  LCS_SUBJECT_HOST,        /* one host (A/AAAA) record or New Host entry */
  LCS_SUBJECT_CERT,        /* the server's certificate */
  LCS_SUBJECT_ZONE_FILE,   /* the text of a zone file */
} LcsSubject;

typedef struct {
  const char  *id;           /* "srv-split" */
  LcsSeverity  severity;     /* default severity */
  const char  *title;        /* one line */
  const char  *explanation;  /* why it matters */
  const char  *fix;          /* how to fix it, in the admin's terms */
  const char  *source;       /* public source */
  LcsSubject   subject;
} LcsRule;

const LcsRule *lcs_rules_all    (gsize *n_rules);
const LcsRule *lcs_rule_lookup  (const char *id);

const char    *lcs_severity_to_string (LcsSeverity severity);

/* The rule reference as Markdown; docs/rules.md is this text. */
char          *lcs_rules_to_markdown  (void);

G_END_DECLS
