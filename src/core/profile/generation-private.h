/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in generation table, for the registry. */
#pragma once

#include <lcsdns/profile/generation.h>

const LcsGeneration *lcs_generations_builtin (gsize *n_generations);
