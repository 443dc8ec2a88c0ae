namespace Gitspaces.Protocol;

/// <summary>
/// Event type names. Those Harness has keep Harness's names (<c>types/enum/gitspace_event_type.go</c>); the rest
/// name the steps Harness folds into its log, so a client can show each of them.
/// </summary>
public static class EventTypes
{
#pragma warning disable CS1591 // The names say what they are; docs/protocol.md lists each with its message.
    public const string ActionStart = "gitspace_action_start";
    public const string ActionStartCompleted = "gitspace_action_start_completed";
    public const string ActionStartFailed = "gitspace_action_start_failed";
    public const string ActionStop = "gitspace_action_stop";
    public const string ActionStopCompleted = "gitspace_action_stop_completed";
    public const string ActionStopFailed = "gitspace_action_stop_failed";
    public const string ActionReset = "gitspace_action_reset";
    public const string ActionResetCompleted = "gitspace_action_reset_completed";
    public const string ActionResetFailed = "gitspace_action_reset_failed";
    public const string FetchDevcontainerStart = "fetch_devcontainer_start";
    public const string FetchDevcontainerCompleted = "fetch_devcontainer_completed";
    public const string FetchDevcontainerFailed = "fetch_devcontainer_failed";
    public const string InfraProvisioningStart = "infra_provisioning_start";
    public const string InfraProvisioningCompleted = "infra_provisioning_completed";
    public const string InfraProvisioningFailed = "infra_provisioning_failed";
    public const string InfraStopStart = "infra_stop_start";
    public const string InfraStopCompleted = "infra_stop_completed";
    public const string InfraStopFailed = "infra_stop_failed";
    public const string InfraDeprovisioningStart = "infra_deprovisioning_start";
    public const string InfraDeprovisioningCompleted = "infra_deprovisioning_completed";
    public const string InfraDeprovisioningFailed = "infra_deprovisioning_failed";
    public const string AgentConnectStart = "agent_connect_start";
    public const string AgentConnectCompleted = "agent_connect_completed";
    public const string AgentConnectFailed = "agent_connect_failed";
    public const string AgentGitspaceCreationStart = "agent_gitspace_creation_start";
    public const string AgentGitspaceCreationCompleted = "agent_gitspace_creation_completed";
    public const string AgentGitspaceCreationFailed = "agent_gitspace_creation_failed";
    public const string AgentGitspaceStopStart = "agent_gitspace_stop_start";
    public const string AgentGitspaceStopCompleted = "agent_gitspace_stop_completed";
    public const string AgentGitspaceStopFailed = "agent_gitspace_stop_failed";
    public const string AgentGitspaceDeletionStart = "agent_gitspace_deletion_start";
    public const string AgentGitspaceDeletionCompleted = "agent_gitspace_deletion_completed";
    public const string AgentGitspaceDeletionFailed = "agent_gitspace_deletion_failed";
    public const string AgentGitspaceStateReportRunning = "agent_gitspace_state_report_running";
    public const string AgentGitspaceStateReportStopped = "agent_gitspace_state_report_stopped";
    public const string AgentGitspaceStateReportError = "agent_gitspace_state_report_error";
    public const string AgentGitspaceStateReportUnknown = "agent_gitspace_state_report_unknown";
    public const string GitspaceActionAutoStop = "gitspace_action_auto_stop";
    public const string GitspaceActionCleanupJob = "gitspace_action_cleanup_job";
    public const string FetchConnectorsDetailsStart = "fetch_connectors_details_start";
    public const string FetchConnectorsDetailsCompleted = "fetch_connectors_details_completed";
    public const string FetchConnectorsDetailsFailed = "fetch_connectors_details_failed";
    public const string InfraGatewayRouteStart = "infra_gateway_route_start";
    public const string InfraGatewayRouteCompleted = "infra_gateway_route_completed";
    public const string InfraGatewayRouteFailed = "infra_gateway_route_failed";
    public const string InfraResetStart = "infra_reset_start";
    public const string InfraResetFailed = "infra_reset_failed";
    public const string DelegateTaskSubmitted = "delegate_task_submitted";
    public const string InfraVmCreationStart = "infra_vm_creation_start";
    public const string InfraVmCreationCompleted = "infra_vm_creation_completed";
    public const string InfraVmCreationFailed = "infra_vm_creation_failed";
    public const string InfraPublishGatewayCompleted = "infra_publish_gateway_completed";
    public const string InfraPublishGatewayFailed = "infra_publish_gateway_failed";

    // Our own: the steps Harness only shows in its log.
    public const string RepositoryCloneStart = "repository_clone_start";
    public const string RepositoryCloneCompleted = "repository_clone_completed";
    public const string RepositoryCloneFailed = "repository_clone_failed";
    public const string ImagePullStart = "image_pull_start";
    public const string ImagePullCompleted = "image_pull_completed";
    public const string ImagePullFailed = "image_pull_failed";
    public const string ImageBuildStart = "image_build_start";
    public const string ImageBuildCompleted = "image_build_completed";
    public const string ImageBuildFailed = "image_build_failed";
    public const string FeatureInstallStart = "feature_install_start";
    public const string FeatureInstallCompleted = "feature_install_completed";
    public const string FeatureInstallFailed = "feature_install_failed";
    public const string LifecycleCommandStart = "lifecycle_command_start";
    public const string LifecycleCommandCompleted = "lifecycle_command_completed";
    public const string LifecycleCommandFailed = "lifecycle_command_failed";
    public const string LifecycleCommandSkipped = "lifecycle_command_skipped";
    public const string ComposeUpStart = "compose_up_start";
    public const string ComposeUpCompleted = "compose_up_completed";
    public const string ComposeUpFailed = "compose_up_failed";
    public const string SshSetupStart = "ssh_setup_start";
    public const string SshSetupCompleted = "ssh_setup_completed";
    public const string SshSetupFailed = "ssh_setup_failed";
    public const string GitspaceReady = "gitspace_ready";
    public const string DotfilesInstallStart = "dotfiles_install_start";
    public const string DotfilesInstallCompleted = "dotfiles_install_completed";
    public const string DotfilesInstallFailed = "dotfiles_install_failed";
    public const string GitspaceChangedExternally = "gitspace_changed_externally";
    public const string PortDetected = "port_detected";
    public const string PortForwarded = "port_forwarded";
    public const string PortForwardStopped = "port_forward_stopped";
#pragma warning restore CS1591
}
