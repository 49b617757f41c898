/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console's main window: console tree, result list, details, Actions pane, status bar and
 * the View menu. Its other actions are added by lcs-window-files.c (File), lcs-window-records.c
 * (new records, Apply fix, Properties) and lcs-window-check.c (the live check). */
#include "config.h"

#include "lcs-window-private.h"

#include <glib/gi18n.h>
#include <lcsdns/check/entry.h>
#include <lcsdns/model/name.h>
#include <lcsdns/model/record.h>

#include "lcs-console-tree.h"
#include "lcs-dialog-findings.h"
#include "lcs-toolbar-focus.h"

enum {
  PROP_0,
  PROP_CHECKING,
  PROP_LOADING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (LcsWindow, lcs_window, GTK_TYPE_APPLICATION_WINDOW)

void
lcs_window_set_action_enabled (LcsWindow  *self,
                               const char *name,
                               gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
lcs_window_show_error (LcsWindow    *self,
                       const char   *primary,
                       const GError *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_widget_show (dialog);
}

void
lcs_window_update_title (LcsWindow *self)
{
  g_autofree char *name = lcs_document_display_name (self->doc);
  g_autofree char *title = g_strdup_printf ("%s%s — %s", self->doc->dirty ? "*" : "", name,
                                            _("LCS DNS Console"));

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
append_zone_names (GString    *text,
                   const char *view,
                   GPtrArray  *zones)
{
  if (zones->len == 0)
    return;
  g_string_append_printf (text, " (%s: ", view);
  for (guint i = 0; i < zones->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (zones, i));

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", base);
    }
  g_string_append_c (text, ')');
}

/* Status bar: counts by severity, where the data came from, and how long it took. */
void
lcs_window_update_status (LcsWindow *self)
{
  const LcsReport *report = self->doc->report;
  g_autoptr(GString) text = g_string_new (NULL);
  guint counts[3];

  /* While the zone files are read or checked, the status bar says so, as for Import. */
  if (lcs_window_show_zone_progress (self))
    return;
  if (report == NULL)
    {
      gtk_label_set_text (self->status_label, _("No check yet"));
      return;
    }
  /* The rows the list shows, as it draws them: the counts and the list never disagree. */
  lcs_result_list_count_severities (self->result_list, counts);
  g_string_append_printf (text, _("%u errors, %u warnings, %u info"), counts[LCS_SEVERITY_ERROR],
                          counts[LCS_SEVERITY_WARNING], counts[LCS_SEVERITY_INFO]);
  switch (report->kind)
    {
    case LCS_SOURCE_ZONE:
      g_string_append (text, _(" — offline from zone files"));
      append_zone_names (text, _("internal"), self->doc->profile->zones[LCS_VIEW_INTERNAL]);
      append_zone_names (text, _("external"), self->doc->profile->zones[LCS_VIEW_EXTERNAL]);
      break;
    case LCS_SOURCE_LIVE:
      {
        g_autoptr(GString) servers = g_string_new (NULL);

        for (guint i = 0; report->servers != NULL && i < report->servers->len; i++)
          g_string_append_printf (servers, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (report->servers, i));
        g_string_append_printf (text, _(" — live, servers asked: %s"),
                                servers->len > 0 ? servers->str : _("system resolver"));
        break;
      }
    case LCS_SOURCE_PLAN:
      g_string_append (text, _(" — plan only (press F5 to check)"));
      break;
    default:
      break;
    }
  if (self->doc->seconds < 1.0)
    g_string_append_printf (text, _(" — took %.0f ms"), self->doc->seconds * 1000);
  else
    g_string_append_printf (text, _(" — took %.2f s"), self->doc->seconds);
  gtk_label_set_text (self->status_label, text->str);
}

static void
update_actions_pane (LcsWindow *self)
{
  LcsNode node;

  if (lcs_console_tree_selected (self->console_tree, &node))
    {
      gtk_label_set_text (self->actions_node_label, node.label);
      lcs_node_clear (&node);
    }
}

void
lcs_window_refresh_panes (LcsWindow *self)
{
  lcs_result_list_show_report (self->result_list, self->doc->report, self->doc->profile, self->live != NULL);
  lcs_details_pane_clear (self->details_pane, _("Select a record to see what is wrong and how to fix it."));
  lcs_window_set_action_enabled (self, "apply-fix", FALSE);
  lcs_window_update_edit_actions (self);
  lcs_window_update_status (self);
  lcs_window_update_title (self);
}

void
lcs_window_refresh (LcsWindow *self)
{
  /* This check sees the document as it is now; one still running saw it before. */
  lcs_window_supersede_checks (self);

  /* A live result stays until the next live check: only the added records and the certificate
   * change on screen. */
  if (self->doc->report != NULL && self->doc->report->kind == LCS_SOURCE_LIVE)
    lcs_document_add_cert_findings (self->doc, self->doc->report);
  else if (!lcs_document_has_zones (self->doc))
    {
      /* The last zone file was removed: its records and the DNS zones branch go with it. */
      lcs_window_forget_zones (self);
      lcs_document_check_plan (self->doc);
    }
  else
    lcs_window_check_zones (self);
  lcs_window_refresh_panes (self);
}

/* Every pane that shows the profile, after it was replaced (a new document, Properties, Undo). */
static void
show_profile (LcsWindow *self)
{
  LcsDocument *doc = self->doc;
  g_autofree char *name = lcs_document_display_name (doc);
  g_autofree char *label = g_strdup_printf ("%s — %s", name, lcs_product_to_string (doc->profile->product));

  lcs_console_tree_fill (self->tree_store, doc->profile, label);
  gtk_tree_view_expand_all (self->console_tree);
  lcs_checklist_page_set_done (self->checklist_page, doc->profile->checklist_done);
  lcs_cert_page_set_profile (self->cert_page, doc->profile);
  lcs_window_refresh (self);
}

void
lcs_window_profile_replaced (LcsWindow *self)
{
  LcsNode node = { .kind = LCS_NODE_DEPLOYMENT, .view = LCS_VIEW_ANY };
  gboolean selected = lcs_console_tree_selected (self->console_tree, &node);

  if (self->live != NULL)
    lcs_window_cancel_check (self);
  lcs_result_list_show_report (self->result_list, NULL, NULL, FALSE);
  show_profile (self);
  /* Undo may have brought back or taken away a zone file: the DNS zones branch follows. */
  lcs_window_follow_zones (self);
  /* The admin stays where they were, when that node is still there. */
  lcs_console_tree_select (self->console_tree, node.kind, node.domain, node.view);
  if (selected)
    lcs_node_clear (&node);
}

void
lcs_window_set_document (LcsWindow   *self,
                         LcsDocument *doc)
{
  if (self->live != NULL)
    lcs_window_cancel_check (self);
  /* No row may point into the report or the zone records that are about to go. */
  lcs_result_list_show_report (self->result_list, NULL, NULL, FALSE);
  lcs_window_forget_zones (self);
  g_clear_pointer (&self->doc, lcs_document_free);
  self->doc = doc;
  /* With zone files, they are read and checked in a thread; the plan shows meanwhile. */
  show_profile (self);
  lcs_console_tree_select (self->console_tree, LCS_NODE_DEPLOYMENT, NULL, LCS_VIEW_ANY);
}

LcsDocument *
lcs_window_get_document (LcsWindow *self)
{
  return self->doc;
}

gboolean
lcs_window_open_file (LcsWindow   *self,
                      const char  *path,
                      GError     **error)
{
  LcsDocument *doc = lcs_document_open (path, error);

  if (doc == NULL)
    return FALSE;
  lcs_window_set_document (self, doc);
  return TRUE;
}

gboolean
lcs_window_open_demo (LcsWindow  *self,
                      GError    **error)
{
  LcsDocument *doc = lcs_document_open_demo (error);

  if (doc == NULL)
    return FALSE;
  lcs_window_set_document (self, doc);
  return TRUE;
}

/* Console tree → which rows the list shows, and which page. */
static void
on_console_tree_selection_changed (GtkTreeSelection *selection,
                                   LcsWindow        *self)
{
  LcsNode node;

  if (!lcs_console_tree_selected (self->console_tree, &node))
    return;
  if (node.kind == LCS_NODE_CHECKLIST)
    gtk_stack_set_visible_child_name (self->center_stack, "checklist");
  else if (node.kind == LCS_NODE_CERTIFICATES)
    gtk_stack_set_visible_child_name (self->center_stack, "certificates");
  else if (node.kind == LCS_NODE_ZONES || node.kind == LCS_NODE_ZONE || node.kind == LCS_NODE_ZONE_FOLDER)
    lcs_window_show_zone_node (self, &node);
  else
    {
      gtk_stack_set_visible_child_name (self->center_stack, "results");
      lcs_result_list_set_filter (self->result_list, node.domain, node.view);
      if (self->live == NULL)
        lcs_window_update_status (self);
    }
  lcs_node_clear (&node);
  update_actions_pane (self);
}

/* The findings that explain a record row: about its name, or about where it was found instead. */
static void
show_record_details (LcsWindow             *self,
                     const LcsRecordResult *result)
{
  const LcsReport *report = self->doc->report;
  g_autofree char *title = g_strdup_printf ("%s %s", result->planned->name, lcs_type_to_string (result->planned->type));
  g_autofree char *expected = lcs_planned_record_data (result->planned);

  lcs_details_pane_begin (self->details_pane, title);
  lcs_details_pane_add_fact (self->details_pane, _("View:"), lcs_view_to_string (result->planned->view));
  lcs_details_pane_add_fact (self->details_pane, _("Status:"), lcs_record_status_to_string (result->status));
  lcs_details_pane_add_fact (self->details_pane, _("Expected:"), expected);
  for (guint i = 0; result->found != NULL && i < result->found->len; i++)
    lcs_details_pane_add_fact (self->details_pane, _("Found:"), g_ptr_array_index (result->found, i));
  if (result->misplaced_at != NULL)
    lcs_details_pane_add_fact (self->details_pane, _("Found at:"), result->misplaced_at);
  for (guint i = 0; i < report->findings->len; i++)
    {
      const LcsFinding *finding = g_ptr_array_index (report->findings, i);

      if (lcs_window_finding_is_about (finding, result))
        lcs_details_pane_add_finding (self->details_pane, finding);
    }
}

static void
show_added_details (LcsWindow       *self,
                    const LcsRecord *record,
                    LcsView          view)
{
  g_autofree char *data = lcs_record_format_data (record);
  g_autofree char *title = g_strdup_printf ("%s %s", record->owner, lcs_type_to_string (record->type));

  lcs_details_pane_begin (self->details_pane, title);
  lcs_details_pane_add_fact (self->details_pane, _("View:"), lcs_view_to_string (view));
  lcs_details_pane_add_fact (self->details_pane, _("Data:"), data);
  lcs_details_pane_add_fact (self->details_pane, _("Status:"),
                             _("added in this console and saved with the deployment; create it in DNS "
                               "(File → Export… gives the dnscmd or PowerShell line)"));
}

static void
on_result_list_row_selected (LcsResultList *list,
                             int            kind,
                             int            index,
                             LcsWindow     *self)
{
  const LcsRecordResult *result = kind == LCS_ROW_RECORD ? lcs_document_result_at (self->doc, index) : NULL;
  const LcsFinding *finding = kind == LCS_ROW_FINDING ? lcs_document_finding_at (self->doc, index) : NULL;
  LcsView view = LCS_VIEW_INTERNAL;
  const LcsRecord *added = kind == LCS_ROW_ADDED ? lcs_document_added_at (self->doc, index, &view) : NULL;
  g_autoptr(LcsSrvEntry) entry = NULL;

  if (result != NULL)
    show_record_details (self, result);
  else if (finding != NULL)
    {
      lcs_details_pane_begin (self->details_pane, finding->name != NULL ? finding->name : finding->rule->title);
      lcs_details_pane_add_finding (self->details_pane, finding);
    }
  else if (added != NULL)
    show_added_details (self, added, view);
  else
    lcs_details_pane_clear (self->details_pane, NULL);
  entry = lcs_window_fix_entry_for_row (self, kind, index, &view);
  lcs_details_pane_set_can_fix (self->details_pane, entry != NULL);
  lcs_window_set_action_enabled (self, "apply-fix", entry != NULL);
  lcs_window_update_edit_actions (self);
}

/* The page's certificate findings count in every report: status bar, result list, exports. */
static void
on_cert_page_findings_changed (LcsCertPage *page,
                               LcsWindow   *self)
{
  lcs_document_set_cert_findings (self->doc, lcs_cert_page_get_findings (page));
  if (self->doc->report != NULL)
    lcs_document_add_cert_findings (self->doc, self->doc->report);
  lcs_window_refresh_panes (self);
}

gboolean
lcs_window_select_row (LcsWindow  *self,
                       int         kind,
                       const char *name)
{
  return lcs_result_list_select (self->result_list, kind, name);
}

static void
on_checklist_page_changed (LcsChecklistPage *page,
                           LcsWindow        *self)
{
  lcs_document_begin_change (self->doc);
  g_clear_pointer (&self->doc->profile->checklist_done, g_ptr_array_unref);
  self->doc->profile->checklist_done = lcs_checklist_page_get_done (page);
  lcs_window_update_title (self);
  lcs_window_update_edit_actions (self);
}

/* Check Certificate and the checklist are pages: the actions select their console tree node. */

static void
on_check_cert (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LcsWindow *self = user_data;

  lcs_console_tree_select (self->console_tree, LCS_NODE_CERTIFICATES, NULL, LCS_VIEW_ANY);
}

static void
on_show_checklist (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LcsWindow *self = user_data;

  lcs_console_tree_select (self->console_tree, LCS_NODE_CHECKLIST, NULL, LCS_VIEW_ANY);
}

static void
close_window (LcsWindow *self,
              gpointer   user_data)
{
  gtk_widget_destroy (GTK_WIDGET (self));
}

static gboolean
on_window_delete_event (GtkWidget *widget,
                        GdkEvent  *event,
                        LcsWindow *self)
{
  if (!self->doc->dirty)
    return GDK_EVENT_PROPAGATE;
  lcs_window_confirm_discard (self, close_window, NULL);
  return GDK_EVENT_STOP;
}

static const GActionEntry window_actions[] = {
  { "show-checklist", on_show_checklist, NULL, NULL, NULL, { 0 } },
  { "check-cert", on_check_cert, NULL, NULL, NULL, { 0 } },
};

static void
add_view_toggle (LcsWindow  *self,
                 const char *name,
                 GtkWidget  *widget)
{
  g_autoptr(GPropertyAction) action = g_property_action_new (name, widget, "visible");

  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
lcs_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LcsWindow *self = LCS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHECKING:
      g_value_set_boolean (value, self->live != NULL);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, lcs_window_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lcs_window_dispose (GObject *object)
{
  LcsWindow *self = LCS_WINDOW (object);

  g_clear_handle_id (&self->elapsed_id, g_source_remove);
  if (self->zone_load != NULL)
    g_cancellable_cancel (self->zone_load);
  g_clear_object (&self->zone_load);
  if (self->recheck != NULL)
    g_cancellable_cancel (self->recheck);
  g_clear_object (&self->recheck);
  G_OBJECT_CLASS (lcs_window_parent_class)->dispose (object);
}

static void
lcs_window_finalize (GObject *object)
{
  LcsWindow *self = LCS_WINDOW (object);

  g_clear_pointer (&self->doc, lcs_document_free);
  g_clear_pointer (&self->zone_contents, lcs_zone_contents_free);
  g_clear_pointer (&self->zone_set, lcs_zone_set_unref);
  G_OBJECT_CLASS (lcs_window_parent_class)->finalize (object);
}

static void
lcs_window_class_init (LcsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lcs_window_get_property;
  object_class->dispose = lcs_window_dispose;
  object_class->finalize = lcs_window_finalize;

  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LCS_TYPE_RESULT_LIST);
  g_type_ensure (LCS_TYPE_DETAILS_PANE);
  g_type_ensure (LCS_TYPE_CHECKLIST_PAGE);
  g_type_ensure (LCS_TYPE_CERT_PAGE);
  g_type_ensure (LCS_TYPE_ZONE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lcsdns/Console/lcs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, tree_store);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, console_tree);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, center_stack);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, result_list);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, checklist_page);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, cert_page);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, actions_pane);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, actions_node_label);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, statusbar);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LcsWindow, zone_view);
  gtk_widget_class_bind_template_callback (widget_class, on_console_tree_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_checklist_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_cert_page_findings_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_window_delete_event);
}

static void
lcs_window_init (LcsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The .ui's size suits a desktop; on a small laptop the window starts no larger than the screen. */
  lcs_window_fit_default_size (GTK_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  lcs_window_add_file_actions (self);
  lcs_window_add_record_actions (self);
  lcs_window_add_check_actions (self);
  lcs_window_add_edit_actions (self);
  lcs_toolbar_focus_each_item (GTK_TOOLBAR (self->toolbar));
  add_view_toggle (self, "show-toolbar", self->toolbar);
  add_view_toggle (self, "show-actions", self->actions_pane);
  add_view_toggle (self, "show-details", GTK_WIDGET (self->details_pane));
  add_view_toggle (self, "show-statusbar", self->statusbar);
  lcs_window_set_action_enabled (self, "cancel-check", FALSE);
  lcs_window_set_action_enabled (self, "apply-fix", FALSE);

  lcs_window_set_document (self, lcs_document_new (lcs_profile_new (), NULL));
}

LcsWindow *
lcs_window_new (LcsApplication *app)
{
  return g_object_new (LCS_TYPE_WINDOW, "application", app, NULL);
}
