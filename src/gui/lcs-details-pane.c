/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Details of the selected result row. A read-only text view, so that long explanations wrap,
 * can be selected and copied, and are read by screen readers. */
#include "config.h"

#include "lcs-details-pane.h"

#include <glib/gi18n.h>
#include <lcsdns/model/rules.h>

struct _LcsDetailsPane {
  GtkBox       parent_instance;

  GtkLabel    *title_label;
  GtkButton   *apply_fix_button;
  GtkTextView *text_view;
};

G_DEFINE_TYPE (LcsDetailsPane, lcs_details_pane, GTK_TYPE_BOX)

static GtkTextBuffer *
buffer_of (LcsDetailsPane *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

static void
append_tagged (LcsDetailsPane *self,
               const char     *text,
               const char     *tag)
{
  GtkTextBuffer *buffer = buffer_of (self);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

void
lcs_details_pane_clear (LcsDetailsPane *self,
                        const char     *hint)
{
  g_return_if_fail (LCS_IS_DETAILS_PANE (self));

  gtk_label_set_text (self->title_label, "");
  gtk_text_buffer_set_text (buffer_of (self), hint != NULL ? hint : "", -1);
  lcs_details_pane_set_can_fix (self, FALSE);
}

void
lcs_details_pane_begin (LcsDetailsPane *self,
                        const char     *title)
{
  g_return_if_fail (LCS_IS_DETAILS_PANE (self));

  gtk_label_set_text (self->title_label, title);
  gtk_text_buffer_set_text (buffer_of (self), "", -1);
  lcs_details_pane_set_can_fix (self, FALSE);
}

void
lcs_details_pane_add_fact (LcsDetailsPane *self,
                           const char     *label,
                           const char     *value)
{
  g_return_if_fail (LCS_IS_DETAILS_PANE (self));

  append_tagged (self, label, "label");
  append_tagged (self, " ", NULL);
  append_tagged (self, value != NULL ? value : "—", "data");
  append_tagged (self, "\n", NULL);
}

static const char *
tag_for_severity (LcsSeverity severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return "error";
    case LCS_SEVERITY_WARNING:
      return "warning";
    default:
      return "info";
    }
}

static const char *
word_for_severity (LcsSeverity severity)
{
  switch (severity)
    {
    case LCS_SEVERITY_ERROR:
      return _("Error");
    case LCS_SEVERITY_WARNING:
      return _("Warning");
    default:
      return _("Info");
    }
}

/* A link to the rule's page in Help (app.help-rule): sources, and what else the rule covers. */
static void
add_rule_link (LcsDetailsPane *self,
               const char     *rule_id)
{
  GtkTextBuffer *buffer = buffer_of (self);
  g_autofree char *label = g_strdup_printf (_("Help on rule %s"), rule_id);
  GtkWidget *link = gtk_button_new_with_label (label);
  GtkTextChildAnchor *anchor;
  GtkTextIter end;

  gtk_button_set_relief (GTK_BUTTON (link), GTK_RELIEF_NONE);
  gtk_style_context_add_class (gtk_widget_get_style_context (link), "lcs-rule-link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "app.help-rule");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (link), g_variant_new_string (rule_id));
  gtk_text_buffer_get_end_iter (buffer, &end);
  anchor = gtk_text_buffer_create_child_anchor (buffer, &end);
  gtk_text_view_add_child_at_anchor (self->text_view, link, anchor);
  gtk_widget_show (link);
  append_tagged (self, "\n", NULL);
}

void
lcs_details_pane_add_finding (LcsDetailsPane   *self,
                              const LcsFinding *finding)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (LCS_IS_DETAILS_PANE (self));

  heading = g_strdup_printf ("\n%s (%s): ", word_for_severity (finding->severity), finding->rule->id);
  append_tagged (self, heading, tag_for_severity (finding->severity));
  append_tagged (self, finding->message, NULL);
  append_tagged (self, "\n", NULL);
  if (finding->rule->explanation != NULL)
    {
      append_tagged (self, _("Why: "), "label");
      append_tagged (self, finding->rule->explanation, NULL);
      append_tagged (self, "\n", NULL);
    }
  append_tagged (self, _("Fix: "), "label");
  append_tagged (self, finding->fix != NULL ? finding->fix : finding->rule->fix, "fix");
  append_tagged (self, "\n", NULL);
  add_rule_link (self, finding->rule->id);
}

void
lcs_details_pane_set_can_fix (LcsDetailsPane *self,
                              gboolean        can_fix)
{
  g_return_if_fail (LCS_IS_DETAILS_PANE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->apply_fix_button), can_fix);
}

char *
lcs_details_pane_get_text (LcsDetailsPane *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer_of (self), &start, &end);
  return gtk_text_buffer_get_text (buffer_of (self), &start, &end, FALSE);
}

static void
lcs_details_pane_class_init (LcsDetailsPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, LcsDetailsPane, apply_fix_button);
  gtk_widget_class_bind_template_child (widget_class, LcsDetailsPane, text_view);
}

static void
lcs_details_pane_init (LcsDetailsPane *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = buffer_of (self);
  gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "data", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "fix", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "error", "weight", PANGO_WEIGHT_BOLD, "foreground", "#c62828", NULL);
  gtk_text_buffer_create_tag (buffer, "warning", "weight", PANGO_WEIGHT_BOLD, "foreground", "#b26a00", NULL);
  gtk_text_buffer_create_tag (buffer, "info", "weight", PANGO_WEIGHT_BOLD, "foreground", "#1565c0", NULL);
}
