/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the zone reader tests. */
#pragma once

#include <lcsdns/model/finding.h>
#include <lcsdns/zone/zone.h>

#define HEAD "$ORIGIN example.com.\n$TTL 300\n"

/* What one lcs_zone_read () gave. */
typedef struct {
  GPtrArray *records;
  GPtrArray *findings;
  char      *origin;
  GError    *error;
  gboolean   ok;
} Result;

void              result_clear       (Result       *result);
void              read_path          (Result       *result,
                                      const char   *path,
                                      const char   *origin);
/* Reads @text (@length bytes, or NUL-terminated when -1) from a temporary test.zone. */
void              read_text          (Result       *result,
                                      const char   *text,
                                      gssize        length,
                                      const char   *origin);
/* Writes @text as @name in a new temporary directory; remove_temp () removes both. */
char             *write_temp         (const char   *name,
                                      const char   *text,
                                      gssize        length);
void              remove_temp        (const char   *path);
/* tests/fixtures/zones/<first>/<...>, NULL-terminated. */
char             *fixture            (const char   *first,
                                      ...) G_GNUC_NULL_TERMINATED;
/* The @nth record (from 0) at @owner of @type, or NULL. */
const LcsRecord  *find_record        (const Result *result,
                                      const char   *owner,
                                      guint16       type,
                                      guint         nth);
void              assert_record      (const Result *result,
                                      const char   *owner,
                                      guint16       type,
                                      guint32       ttl,
                                      const char   *rdata);
/* Exactly one finding, at @line:@column, whose message holds @part. */
void              assert_one_finding (const Result *result,
                                      guint         line,
                                      guint         column,
                                      const char   *part);
