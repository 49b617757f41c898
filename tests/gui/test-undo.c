/* The undo stack alone, on strings: Undo gives back what was before each change, Redo what
 * Undo replaced; a new change forgets what could be redone; the oldest states go past the
 * limit. */
#include "lcs-undo.h"

static void
test_undo_redo (void)
{
  g_autoptr(LcsUndo) undo = lcs_undo_new ((LcsUndoCopy) g_strdup, g_free, 10);
  g_autofree char *state = g_strdup ("a");
  char *back;

  g_assert_false (lcs_undo_can_undo (undo));
  g_assert_null (lcs_undo_undo (undo, state));
  lcs_undo_push (undo, state);
  g_free (state);
  state = g_strdup ("b");
  lcs_undo_push (undo, state);
  g_free (state);
  state = g_strdup ("c");

  back = lcs_undo_undo (undo, state);
  g_assert_cmpstr (back, ==, "b");
  g_free (state);
  state = back;
  g_assert_true (lcs_undo_can_redo (undo));
  back = lcs_undo_redo (undo, state);
  g_assert_cmpstr (back, ==, "c");
  g_free (state);
  state = back;
  g_assert_false (lcs_undo_can_redo (undo));

  back = lcs_undo_undo (undo, state);
  g_free (state);
  state = back;
  back = lcs_undo_undo (undo, state);
  g_assert_cmpstr (back, ==, "a");
  g_free (state);
  state = back;
  g_assert_false (lcs_undo_can_undo (undo));

  /* A change after Undo: "b" and "c" cannot come back. */
  lcs_undo_push (undo, state);
  g_assert_false (lcs_undo_can_redo (undo));
  g_assert_null (lcs_undo_redo (undo, state));
}

static void
test_limit (void)
{
  g_autoptr(LcsUndo) undo = lcs_undo_new ((LcsUndoCopy) g_strdup, g_free, 3);
  g_autofree char *state = g_strdup ("now");
  guint steps = 0;
  char *back;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *before = g_strdup_printf ("%u", i);

      lcs_undo_push (undo, before);
    }
  while ((back = lcs_undo_undo (undo, state)) != NULL)
    {
      g_free (state);
      state = back;
      steps++;
    }
  g_assert_cmpuint (steps, ==, 3);
  g_assert_cmpstr (state, ==, "2");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo/undo-redo", test_undo_redo);
  g_test_add_func ("/undo/limit", test_limit);
  return g_test_run ();
}
