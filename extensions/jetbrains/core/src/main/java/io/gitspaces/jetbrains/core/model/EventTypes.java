package io.gitspaces.jetbrains.core.model;

import java.util.List;

/** The event types of a gitspace's history (mirrors {@code EventTypes.cs}). */
public final class EventTypes {
    /** {@code gitspace_action_start}. */
    public static final String ACTION_START = "gitspace_action_start";
    /** {@code gitspace_action_start_completed}. */
    public static final String ACTION_START_COMPLETED = "gitspace_action_start_completed";
    /** {@code gitspace_action_start_failed}. */
    public static final String ACTION_START_FAILED = "gitspace_action_start_failed";
    /** {@code gitspace_action_stop}. */
    public static final String ACTION_STOP = "gitspace_action_stop";
    /** {@code gitspace_action_stop_completed}. */
    public static final String ACTION_STOP_COMPLETED = "gitspace_action_stop_completed";
    /** {@code gitspace_action_stop_failed}. */
    public static final String ACTION_STOP_FAILED = "gitspace_action_stop_failed";
    /** {@code gitspace_action_reset}. */
    public static final String ACTION_RESET = "gitspace_action_reset";
    /** {@code gitspace_action_reset_completed}. */
    public static final String ACTION_RESET_COMPLETED = "gitspace_action_reset_completed";
    /** {@code gitspace_action_reset_failed}. */
    public static final String ACTION_RESET_FAILED = "gitspace_action_reset_failed";
    /** {@code fetch_devcontainer_start}. */
    public static final String FETCH_DEVCONTAINER_START = "fetch_devcontainer_start";
    /** {@code fetch_devcontainer_completed}. */
    public static final String FETCH_DEVCONTAINER_COMPLETED = "fetch_devcontainer_completed";
    /** {@code fetch_devcontainer_failed}. */
    public static final String FETCH_DEVCONTAINER_FAILED = "fetch_devcontainer_failed";
    /** {@code infra_provisioning_start}. */
    public static final String INFRA_PROVISIONING_START = "infra_provisioning_start";
    /** {@code infra_provisioning_completed}. */
    public static final String INFRA_PROVISIONING_COMPLETED = "infra_provisioning_completed";
    /** {@code infra_provisioning_failed}. */
    public static final String INFRA_PROVISIONING_FAILED = "infra_provisioning_failed";
    /** {@code infra_stop_start}. */
    public static final String INFRA_STOP_START = "infra_stop_start";
    /** {@code infra_stop_completed}. */
    public static final String INFRA_STOP_COMPLETED = "infra_stop_completed";
    /** {@code infra_stop_failed}. */
    public static final String INFRA_STOP_FAILED = "infra_stop_failed";
    /** {@code infra_deprovisioning_start}. */
    public static final String INFRA_DEPROVISIONING_START = "infra_deprovisioning_start";
    /** {@code infra_deprovisioning_completed}. */
    public static final String INFRA_DEPROVISIONING_COMPLETED = "infra_deprovisioning_completed";
    /** {@code infra_deprovisioning_failed}. */
    public static final String INFRA_DEPROVISIONING_FAILED = "infra_deprovisioning_failed";
    /** {@code agent_connect_start}. */
    public static final String AGENT_CONNECT_START = "agent_connect_start";
    /** {@code agent_connect_completed}. */
    public static final String AGENT_CONNECT_COMPLETED = "agent_connect_completed";
    /** {@code agent_connect_failed}. */
    public static final String AGENT_CONNECT_FAILED = "agent_connect_failed";
    /** {@code agent_gitspace_creation_start}. */
    public static final String AGENT_GITSPACE_CREATION_START = "agent_gitspace_creation_start";
    /** {@code agent_gitspace_creation_completed}. */
    public static final String AGENT_GITSPACE_CREATION_COMPLETED = "agent_gitspace_creation_completed";
    /** {@code agent_gitspace_creation_failed}. */
    public static final String AGENT_GITSPACE_CREATION_FAILED = "agent_gitspace_creation_failed";
    /** {@code agent_gitspace_stop_start}. */
    public static final String AGENT_GITSPACE_STOP_START = "agent_gitspace_stop_start";
    /** {@code agent_gitspace_stop_completed}. */
    public static final String AGENT_GITSPACE_STOP_COMPLETED = "agent_gitspace_stop_completed";
    /** {@code agent_gitspace_stop_failed}. */
    public static final String AGENT_GITSPACE_STOP_FAILED = "agent_gitspace_stop_failed";
    /** {@code agent_gitspace_deletion_start}. */
    public static final String AGENT_GITSPACE_DELETION_START = "agent_gitspace_deletion_start";
    /** {@code agent_gitspace_deletion_completed}. */
    public static final String AGENT_GITSPACE_DELETION_COMPLETED = "agent_gitspace_deletion_completed";
    /** {@code agent_gitspace_deletion_failed}. */
    public static final String AGENT_GITSPACE_DELETION_FAILED = "agent_gitspace_deletion_failed";
    /** {@code agent_gitspace_state_report_running}. */
    public static final String AGENT_GITSPACE_STATE_REPORT_RUNNING = "agent_gitspace_state_report_running";
    /** {@code agent_gitspace_state_report_stopped}. */
    public static final String AGENT_GITSPACE_STATE_REPORT_STOPPED = "agent_gitspace_state_report_stopped";
    /** {@code agent_gitspace_state_report_error}. */
    public static final String AGENT_GITSPACE_STATE_REPORT_ERROR = "agent_gitspace_state_report_error";
    /** {@code agent_gitspace_state_report_unknown}. */
    public static final String AGENT_GITSPACE_STATE_REPORT_UNKNOWN = "agent_gitspace_state_report_unknown";
    /** {@code gitspace_action_auto_stop}: an idle gitspace stopped itself (Docker) or the control plane stopped it (Harness). */
    public static final String GITSPACE_ACTION_AUTO_STOP = "gitspace_action_auto_stop";
    /** {@code gitspace_action_cleanup_job}. */
    public static final String GITSPACE_ACTION_CLEANUP_JOB = "gitspace_action_cleanup_job";
    /** {@code fetch_connectors_details_start}. */
    public static final String FETCH_CONNECTORS_DETAILS_START = "fetch_connectors_details_start";
    /** {@code fetch_connectors_details_completed}. */
    public static final String FETCH_CONNECTORS_DETAILS_COMPLETED = "fetch_connectors_details_completed";
    /** {@code fetch_connectors_details_failed}. */
    public static final String FETCH_CONNECTORS_DETAILS_FAILED = "fetch_connectors_details_failed";
    /** {@code infra_gateway_route_start}. */
    public static final String INFRA_GATEWAY_ROUTE_START = "infra_gateway_route_start";
    /** {@code infra_gateway_route_completed}. */
    public static final String INFRA_GATEWAY_ROUTE_COMPLETED = "infra_gateway_route_completed";
    /** {@code infra_gateway_route_failed}. */
    public static final String INFRA_GATEWAY_ROUTE_FAILED = "infra_gateway_route_failed";
    /** {@code infra_reset_start}. */
    public static final String INFRA_RESET_START = "infra_reset_start";
    /** {@code infra_reset_failed}. */
    public static final String INFRA_RESET_FAILED = "infra_reset_failed";
    /** {@code delegate_task_submitted}. */
    public static final String DELEGATE_TASK_SUBMITTED = "delegate_task_submitted";
    /** {@code infra_vm_creation_start}. */
    public static final String INFRA_VM_CREATION_START = "infra_vm_creation_start";
    /** {@code infra_vm_creation_completed}. */
    public static final String INFRA_VM_CREATION_COMPLETED = "infra_vm_creation_completed";
    /** {@code infra_vm_creation_failed}. */
    public static final String INFRA_VM_CREATION_FAILED = "infra_vm_creation_failed";
    /** {@code infra_publish_gateway_completed}. */
    public static final String INFRA_PUBLISH_GATEWAY_COMPLETED = "infra_publish_gateway_completed";
    /** {@code infra_publish_gateway_failed}. */
    public static final String INFRA_PUBLISH_GATEWAY_FAILED = "infra_publish_gateway_failed";
    /** {@code repository_clone_start}. */
    public static final String REPOSITORY_CLONE_START = "repository_clone_start";
    /** {@code repository_clone_completed}. */
    public static final String REPOSITORY_CLONE_COMPLETED = "repository_clone_completed";
    /** {@code repository_clone_failed}. */
    public static final String REPOSITORY_CLONE_FAILED = "repository_clone_failed";
    /** {@code image_pull_start}. */
    public static final String IMAGE_PULL_START = "image_pull_start";
    /** {@code image_pull_completed}. */
    public static final String IMAGE_PULL_COMPLETED = "image_pull_completed";
    /** {@code image_pull_failed}. */
    public static final String IMAGE_PULL_FAILED = "image_pull_failed";
    /** {@code image_build_start}. */
    public static final String IMAGE_BUILD_START = "image_build_start";
    /** {@code image_build_completed}. */
    public static final String IMAGE_BUILD_COMPLETED = "image_build_completed";
    /** {@code image_build_failed}. */
    public static final String IMAGE_BUILD_FAILED = "image_build_failed";
    /** {@code feature_install_start}. */
    public static final String FEATURE_INSTALL_START = "feature_install_start";
    /** {@code feature_install_completed}. */
    public static final String FEATURE_INSTALL_COMPLETED = "feature_install_completed";
    /** {@code feature_install_failed}. */
    public static final String FEATURE_INSTALL_FAILED = "feature_install_failed";
    /** {@code lifecycle_command_start}. */
    public static final String LIFECYCLE_COMMAND_START = "lifecycle_command_start";
    /** {@code lifecycle_command_completed}. */
    public static final String LIFECYCLE_COMMAND_COMPLETED = "lifecycle_command_completed";
    /** {@code lifecycle_command_failed}. */
    public static final String LIFECYCLE_COMMAND_FAILED = "lifecycle_command_failed";
    /** {@code lifecycle_command_skipped}. */
    public static final String LIFECYCLE_COMMAND_SKIPPED = "lifecycle_command_skipped";
    /** {@code compose_up_start}. */
    public static final String COMPOSE_UP_START = "compose_up_start";
    /** {@code compose_up_completed}. */
    public static final String COMPOSE_UP_COMPLETED = "compose_up_completed";
    /** {@code compose_up_failed}. */
    public static final String COMPOSE_UP_FAILED = "compose_up_failed";
    /** {@code ssh_setup_start}. */
    public static final String SSH_SETUP_START = "ssh_setup_start";
    /** {@code ssh_setup_completed}. */
    public static final String SSH_SETUP_COMPLETED = "ssh_setup_completed";
    /** {@code ssh_setup_failed}. */
    public static final String SSH_SETUP_FAILED = "ssh_setup_failed";
    /** {@code gitspace_ready}. */
    public static final String GITSPACE_READY = "gitspace_ready";
    /** {@code dotfiles_install_start}: the user's dotfiles are being installed. */
    public static final String DOTFILES_INSTALL_START = "dotfiles_install_start";
    /** {@code dotfiles_install_completed}. */
    public static final String DOTFILES_INSTALL_COMPLETED = "dotfiles_install_completed";
    /** {@code dotfiles_install_failed}: a warning; the gitspace is ready without them. */
    public static final String DOTFILES_INSTALL_FAILED = "dotfiles_install_failed";
    /** {@code gitspace_changed_externally}. */
    public static final String GITSPACE_CHANGED_EXTERNALLY = "gitspace_changed_externally";
    /** {@code port_detected}. */
    public static final String PORT_DETECTED = "port_detected";
    /** {@code port_forwarded}. */
    public static final String PORT_FORWARDED = "port_forwarded";
    /** {@code port_forward_stopped}. */
    public static final String PORT_FORWARD_STOPPED = "port_forward_stopped";

    /** Every event type, in the contract's order. */
    public static final List<String> ALL = List.of(
            ACTION_START,
            ACTION_START_COMPLETED,
            ACTION_START_FAILED,
            ACTION_STOP,
            ACTION_STOP_COMPLETED,
            ACTION_STOP_FAILED,
            ACTION_RESET,
            ACTION_RESET_COMPLETED,
            ACTION_RESET_FAILED,
            FETCH_DEVCONTAINER_START,
            FETCH_DEVCONTAINER_COMPLETED,
            FETCH_DEVCONTAINER_FAILED,
            INFRA_PROVISIONING_START,
            INFRA_PROVISIONING_COMPLETED,
            INFRA_PROVISIONING_FAILED,
            INFRA_STOP_START,
            INFRA_STOP_COMPLETED,
            INFRA_STOP_FAILED,
            INFRA_DEPROVISIONING_START,
            INFRA_DEPROVISIONING_COMPLETED,
            INFRA_DEPROVISIONING_FAILED,
            AGENT_CONNECT_START,
            AGENT_CONNECT_COMPLETED,
            AGENT_CONNECT_FAILED,
            AGENT_GITSPACE_CREATION_START,
            AGENT_GITSPACE_CREATION_COMPLETED,
            AGENT_GITSPACE_CREATION_FAILED,
            AGENT_GITSPACE_STOP_START,
            AGENT_GITSPACE_STOP_COMPLETED,
            AGENT_GITSPACE_STOP_FAILED,
            AGENT_GITSPACE_DELETION_START,
            AGENT_GITSPACE_DELETION_COMPLETED,
            AGENT_GITSPACE_DELETION_FAILED,
            AGENT_GITSPACE_STATE_REPORT_RUNNING,
            AGENT_GITSPACE_STATE_REPORT_STOPPED,
            AGENT_GITSPACE_STATE_REPORT_ERROR,
            AGENT_GITSPACE_STATE_REPORT_UNKNOWN,
            GITSPACE_ACTION_AUTO_STOP,
            GITSPACE_ACTION_CLEANUP_JOB,
            FETCH_CONNECTORS_DETAILS_START,
            FETCH_CONNECTORS_DETAILS_COMPLETED,
            FETCH_CONNECTORS_DETAILS_FAILED,
            INFRA_GATEWAY_ROUTE_START,
            INFRA_GATEWAY_ROUTE_COMPLETED,
            INFRA_GATEWAY_ROUTE_FAILED,
            INFRA_RESET_START,
            INFRA_RESET_FAILED,
            DELEGATE_TASK_SUBMITTED,
            INFRA_VM_CREATION_START,
            INFRA_VM_CREATION_COMPLETED,
            INFRA_VM_CREATION_FAILED,
            INFRA_PUBLISH_GATEWAY_COMPLETED,
            INFRA_PUBLISH_GATEWAY_FAILED,
            REPOSITORY_CLONE_START,
            REPOSITORY_CLONE_COMPLETED,
            REPOSITORY_CLONE_FAILED,
            IMAGE_PULL_START,
            IMAGE_PULL_COMPLETED,
            IMAGE_PULL_FAILED,
            IMAGE_BUILD_START,
            IMAGE_BUILD_COMPLETED,
            IMAGE_BUILD_FAILED,
            FEATURE_INSTALL_START,
            FEATURE_INSTALL_COMPLETED,
            FEATURE_INSTALL_FAILED,
            LIFECYCLE_COMMAND_START,
            LIFECYCLE_COMMAND_COMPLETED,
            LIFECYCLE_COMMAND_FAILED,
            LIFECYCLE_COMMAND_SKIPPED,
            COMPOSE_UP_START,
            COMPOSE_UP_COMPLETED,
            COMPOSE_UP_FAILED,
            SSH_SETUP_START,
            SSH_SETUP_COMPLETED,
            SSH_SETUP_FAILED,
            GITSPACE_READY,
            DOTFILES_INSTALL_START,
            DOTFILES_INSTALL_COMPLETED,
            DOTFILES_INSTALL_FAILED,
            GITSPACE_CHANGED_EXTERNALLY,
            PORT_DETECTED,
            PORT_FORWARDED,
            PORT_FORWARD_STOPPED
    );

    private EventTypes() {
    }
}
