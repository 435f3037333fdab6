package rules

// The public documentation the catalog cites in Sources: AWS's own pages,
// and the Terraform AWS provider's where a rule relies on one of its
// defaults. Every entry a rule cites is one of these, so that a page
// moved or renamed is fixed in one place.

// awsDocs is the prefix of the AWS documentation's addresses.
const awsDocs = "https://docs.aws.amazon.com/"

// ssmGuide and ssmAPI are the AWS Systems Manager User Guide and API
// Reference.
const (
	ssmGuide = awsDocs + "systems-manager/latest/userguide/"
	ssmAPI   = awsDocs + "systems-manager/latest/APIReference/"
	tfAWS    = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
)

// Parameter Store.
var (
	srcTiers          = Source{"Managing parameter tiers (AWS Systems Manager User Guide)", ssmGuide + "parameter-store-advanced-parameters.html"}
	srcDefaultTier    = Source{"Specifying a default parameter tier (AWS Systems Manager User Guide)", ssmGuide + "ps-default-tier.html"}
	srcThroughput     = Source{"Managing Parameter Store throughput (AWS Systems Manager User Guide)", ssmGuide + "parameter-store-throughput.html"}
	srcHierarchies    = Source{"Working with parameter hierarchies (AWS Systems Manager User Guide)", ssmGuide + "sysman-paramstore-hierarchies.html"}
	srcSecureString   = Source{"SecureString parameters and AWS KMS encryption (AWS Systems Manager User Guide)", ssmGuide + "sysman-paramstore-securestring.html"}
	srcParamAccess    = Source{"Restricting access to Parameter Store parameters using IAM policies (AWS Systems Manager User Guide)", ssmGuide + "sysman-paramstore-access.html"}
	srcKMSParamStore  = Source{"How AWS Systems Manager Parameter Store uses AWS KMS (AWS KMS Developer Guide)", awsDocs + "kms/latest/developerguide/services-parameter-store.html"}
	srcSSMAuthz       = Source{"Actions, resources, and condition keys for AWS Systems Manager (Service Authorization Reference)", awsDocs + "service-authorization/latest/reference/list_awssystemsmanager.html"}
	srcPutParameter   = Source{"PutParameter (AWS Systems Manager API Reference)", ssmAPI + "API_PutParameter.html"}
	srcGetParameter   = Source{"GetParameter (AWS Systems Manager API Reference)", ssmAPI + "API_GetParameter.html"}
	srcGetParameters  = Source{"GetParameters (AWS Systems Manager API Reference)", ssmAPI + "API_GetParameters.html"}
	srcGetByPath      = Source{"GetParametersByPath (AWS Systems Manager API Reference)", ssmAPI + "API_GetParametersByPath.html"}
	srcDescribeParams = Source{"DescribeParameters (AWS Systems Manager API Reference)", ssmAPI + "API_DescribeParameters.html"}
	srcParamHistory   = Source{"GetParameterHistory (AWS Systems Manager API Reference)", ssmAPI + "API_GetParameterHistory.html"}
	srcPricing        = Source{"AWS Systems Manager pricing", "https://aws.amazon.com/systems-manager/pricing/"}
	srcTFParameter    = Source{"aws_ssm_parameter, value_wo (Terraform AWS provider documentation)", tfAWS + "ssm_parameter"}
)

// Secrets, IAM and the SDKs.
var (
	srcRotation        = Source{"Rotate AWS Secrets Manager secrets (AWS Secrets Manager User Guide)", awsDocs + "secretsmanager/latest/userguide/rotating-secrets.html"}
	srcRDSSecrets      = Source{"Password management with Amazon RDS and AWS Secrets Manager (Amazon RDS User Guide)", awsDocs + "AmazonRDS/latest/UserGuide/rds-secrets-manager.html"}
	srcLeastPrivilege  = Source{"Security best practices in IAM: apply least-privilege permissions (IAM User Guide)", awsDocs + "IAM/latest/UserGuide/best-practices.html#grant-least-privilege"}
	srcECSSecrets      = Source{"Pass Systems Manager parameters through Amazon ECS environment variables (Amazon ECS Developer Guide)", awsDocs + "AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html"}
	srcECSExecRole     = Source{"Amazon ECS task execution IAM role (Amazon ECS Developer Guide)", awsDocs + "AmazonECS/latest/developerguide/task_execution_IAM_role.html"}
	srcGoV2Paginators  = Source{"Using operation paginators (AWS SDK for Go v2 Developer Guide)", awsDocs + "sdk-for-go/v2/developer-guide/using.html#using-operation-paginators"}
	srcGoV1Pages       = Source{"SSM.DescribeParametersPages (AWS SDK for Go v1 API Reference)", awsDocs + "sdk-for-go/api/service/ssm/#SSM.DescribeParametersPages"}
	srcInstanceCore    = Source{"AmazonSSMManagedInstanceCore (AWS Managed Policy Reference)", awsDocs + "aws-managed-policy/latest/reference/AmazonSSMManagedInstanceCore.html"}
	srcRoleForSSM      = Source{"AmazonEC2RoleforSSM, due for deprecation (AWS Managed Policy Reference)", awsDocs + "aws-managed-policy/latest/reference/AmazonEC2RoleforSSM.html"}
	srcInstancePerms   = Source{"Configure instance permissions required for Systems Manager (AWS Systems Manager User Guide)", ssmGuide + "setup-instance-permissions.html"}
	srcDHMC            = Source{"Managing EC2 instances automatically with Default Host Management Configuration (AWS Systems Manager User Guide)", ssmGuide + "fleet-manager-default-host-management-configuration.html"}
	srcLogRetention    = Source{"Change log data retention in CloudWatch Logs (Amazon CloudWatch Logs User Guide)", awsDocs + "AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention"}
	srcSendCommand     = Source{"SendCommand, OutputS3BucketName (AWS Systems Manager API Reference)", ssmAPI + "API_SendCommand.html"}
	srcCreateAssoc     = Source{"CreateAssociation, OutputLocation (AWS Systems Manager API Reference)", ssmAPI + "API_CreateAssociation.html"}
	srcMWRunCommand    = Source{"MaintenanceWindowRunCommandParameters (AWS Systems Manager API Reference)", ssmAPI + "API_MaintenanceWindowRunCommandParameters.html"}
	srcSessionManager  = Source{"AWS Systems Manager Session Manager (AWS Systems Manager User Guide)", ssmGuide + "session-manager.html"}
	srcSessionSSH      = Source{"Allow and control permissions for SSH connections through Session Manager (AWS Systems Manager User Guide)", ssmGuide + "session-manager-getting-started-enable-ssh-connections.html"}
	srcSessionTrouble  = Source{"Troubleshooting Session Manager (AWS Systems Manager User Guide)", ssmGuide + "session-manager-troubleshooting.html"}
	srcSessionLogging  = Source{"Logging session activity (AWS Systems Manager User Guide)", ssmGuide + "session-manager-logging.html"}
	srcSessionKMS      = Source{"Turn on KMS key encryption of session data (AWS Systems Manager User Guide)", ssmGuide + "session-preferences-enable-encryption.html"}
	srcVPCEndpoints    = Source{"Improve the security of EC2 instances by using VPC endpoints for Systems Manager (AWS Systems Manager User Guide)", ssmGuide + "setup-create-vpc.html"}
	srcInterfaceEP     = Source{"Access an AWS service using an interface VPC endpoint (AWS PrivateLink Guide)", awsDocs + "vpc/latest/privatelink/create-interface-endpoint.html"}
	srcTFVPCEndpoint   = Source{"aws_vpc_endpoint, vpc_endpoint_type and private_dns_enabled defaults (Terraform AWS provider documentation)", tfAWS + "vpc_endpoint"}
	srcTFSecurityGroup = Source{"aws_security_group, no default egress rule (Terraform AWS provider documentation)", tfAWS + "security_group"}
)

// Patch Manager and maintenance windows.
var (
	srcPatchManager   = Source{"AWS Systems Manager Patch Manager (AWS Systems Manager User Guide)", ssmGuide + "patch-manager.html"}
	srcPatchBaselines = Source{"Predefined and custom patch baselines (AWS Systems Manager User Guide)", ssmGuide + "patch-manager-predefined-and-custom-patch-baselines.html"}
	srcPatchRule      = Source{"PatchRule, ApproveAfterDays (AWS Systems Manager API Reference)", ssmAPI + "API_PatchRule.html"}
	srcPatchGroups    = Source{"Patch groups (AWS Systems Manager User Guide)", ssmGuide + "patch-manager-patch-groups.html"}
	srcRunPatch       = Source{"AWS-RunPatchBaseline, Operation Scan or Install (AWS Systems Manager User Guide)", ssmGuide + "patch-manager-aws-runpatchbaseline.html"}
	srcWindows        = Source{"AWS Systems Manager Maintenance Windows (AWS Systems Manager User Guide)", ssmGuide + "maintenance-windows.html"}
	srcCreateWindow   = Source{"CreateMaintenanceWindow, Duration and Cutoff (AWS Systems Manager API Reference)", ssmAPI + "API_CreateMaintenanceWindow.html"}
	srcUpdateWindow   = Source{"UpdateMaintenanceWindow, Enabled (AWS Systems Manager API Reference)", ssmAPI + "API_UpdateMaintenanceWindow.html"}
	srcWindowTarget   = Source{"RegisterTargetWithMaintenanceWindow (AWS Systems Manager API Reference)", ssmAPI + "API_RegisterTargetWithMaintenanceWindow.html"}
)
