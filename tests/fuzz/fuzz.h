/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz targets: one entry point each, built with clang -fsanitize=fuzzer (meson -Dfuzzer=true)
 * or, with any compiler, with replay.c as a program that runs the committed corpora. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <lcsdns/profile/profile.h>

G_BEGIN_DECLS

int         LLVMFuzzerInitialize   (int    *argc,
                                    char ***argv);
int         LLVMFuzzerTestOneInput (const uint8_t *data,
                                    size_t         size);

/* A private temporary folder, made once, removed at exit. */
const char *fuzz_temp_dir   (void);
/* Writes @data to @name inside fuzz_temp_dir (); returns the path. */
char       *fuzz_write_file (const char    *name,
                             const uint8_t *data,
                             size_t         size);
/* The demo deployment (two domains, pool, members, edge, federation), built once. */
const LcsProfile *fuzz_profile (void);

G_END_DECLS
