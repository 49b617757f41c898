/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the admin meant in a New Resource Record entry, shared by the entry checks. */
#pragma once

#include <lcsdns/profile/profile.h>

/* What the admin meant, derived from what was typed. */
typedef struct {
  char     *service;        /* "_sipinternaltls", lower case */
  char     *protocol;       /* "_tcp" */
  gboolean  domain_typed;   /* the domain was typed into Service or Protocol */
  gboolean  split;          /* Service held a protocol label too */
  gboolean  underscore;     /* a label lacked its underscore, or was joined with one */
  char     *misspelt;       /* the typed service when it was a near miss of a SIP service */
  gboolean  known;          /* the intended service is a SIP service */
} Intent;

void        lcs_intent_derive         (Intent           *intent,
                                       const char       *service,
                                       const char       *protocol,
                                       const char       *domain,
                                       const LcsProfile *profile);
void        lcs_intent_clear          (Intent           *intent);
/* The protocol the intended service goes with; NULL when the typed one is acceptable. */
const char *lcs_intent_right_protocol (const Intent     *intent);
