/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One check of one SRV entry, shared by the dialog's check (srv-entry.c) and the check of
 * the SRV records found in DNS (srv-record.c), which runs it for every record of a zone. */
#pragma once

#include <lcsdns/check/entry.h>

#include "entry-private.h"

/* The typed fields, what they mean, and where findings go. What depends only on the owner
 * (the intent, the planned ports, the names fix) stays valid when only the numbers and the
 * target change, so a record check reuses it for every record at one owner. */
typedef struct {
  const LcsSrvEntry *entry;
  const LcsProfile  *profile;
  Intent             intent;
  char              *domain;     /* without final dot */
  char              *owner;      /* as Windows creates it */
  int                view;       /* -1 in the dialog, where the view is not known */
  GPtrArray         *findings;
  GArray            *ports;      /* the view's planned ports of the intended service, or NULL */
  char              *names_fix;  /* the text of the fix of the names, or NULL */
} SrvCheck;

void lcs_srv_check_init  (SrvCheck          *check,
                          const LcsSrvEntry *entry,
                          const LcsProfile  *profile,
                          int                view);
/* Every rule of the dialog but the view's (dns-split-view). */
void lcs_srv_check_run   (SrvCheck          *check);
/* srv-port alone, for a service of the plan that is not a SIP one (_xmpp-server). */
void lcs_srv_check_port  (SrvCheck          *check,
                          guint16            port);
void lcs_srv_check_clear (SrvCheck          *check);
