package rules

// The 2xx rules: Parameter Store correctness and access.

// secretWordOptions are the options of the rules that recognise a secret by
// its name (SSM201, SSM601, SSM606), which share one vocabulary. It returns
// new slices on each call, so the rules share no mutable defaults.
func secretWordOptions() []Option {
	return []Option{{
		Name:        "extra_secret_words",
		Description: "Words that mark a name as a secret in addition to the built-in vocabulary; each is matched, case-insensitively, as a whole word of the name.",
		Default:     []string{},
	}}
}

// SSM201 finds plain String parameters whose name or description marks a
// secret.
var SSM201 = &Rule{
	ID:        "SSM201",
	Name:      "secret-in-plain-string",
	Severity:  Error,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "A String or StringList parameter has a name or description that marks it as a secret.",
	Rationale: "A parameter of type `String` or `StringList` is stored without encryption, shown in clear in the console, and returned to anyone allowed to call `ssm:GetParameter`, with no KMS permission involved. " +
		"When the last segment of its name, or its description, says the value is a secret (a word such as password, passwd, secret, token, api_key or apikey, private_key, credential or credentials, client_secret), " +
		"it belongs in a `SecureString`, which KMS encrypts and only principals allowed to decrypt can read. " +
		"Matching respects word boundaries, and names that merely refer to a secret through a suffix such as `_arn`, `_id`, `_url`, `_name`, `_length` or `_policy` " +
		"(`token_url`, `password_policy`, `secret_arn`) are not reported, nor are names such as `key_name` that hold no secret word.",
	Language: "hcl",
	Bad: `resource "aws_ssm_parameter" "db_password" {
  name  = "/myapp/prod/db/password"
  type  = "String"
  value = var.db_password
}
`,
	Good: `resource "aws_ssm_parameter" "db_password" {
  name  = "/myapp/prod/db/password"
  type  = "SecureString"
  value = var.db_password
}

# Not a secret: the _url suffix makes it a reference.
resource "aws_ssm_parameter" "token_url" {
  name  = "/myapp/prod/auth/token_url"
  type  = "String"
  value = "https://auth.example.com/oauth2/token"
}
`,
	Remediation: "Set type = \"SecureString\" so that the value is encrypted with KMS.",
	Options:     secretWordOptions(),
	Sources:     []Source{srcSecureString, srcKMSParamStore},
}

// SSM202 finds SecureString parameters whose value is written in the
// configuration.
var SSM202 = &Rule{
	ID:        "SSM202",
	Name:      "securestring-literal-value",
	Severity:  Error,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "A SecureString parameter's value is a literal, or the default of a variable not marked sensitive.",
	Rationale: "A `SecureString` is encrypted inside Parameter Store, but a value written as a literal, or as the default of a variable that is not sensitive, " +
		"sits in clear text in version control, in plan output and in the Terraform state. " +
		"Keep the value out of the configuration: pass it through the write-only `value_wo` argument with `value_wo_version` (Terraform 1.11 or later), which never stores it in state, " +
		"through a `sensitive` variable that has no default, or from a generated value. " +
		"Placeholders hold no secret and are not reported, in the resource or as a variable default, with or without `ignore_changes`: an empty or blank value, placeholder words in any case (`null`, `none`, `unset`, `placeholder`, `dummy`, `changeme`, `tbd`, `todo`, `replace_me`, `-`, `n/a`), runs of x (`xxxx`), conventional stand-ins (`YOUR_API_KEY`, `MY_SECRET_TOKEN`, `<token>`), and a JSON document whose secret fields hold only such stand-ins. " +
		"A literal that spells an example word once digits and punctuation are taken out (`secret123123!!!`, `Passw0rd!`) is an example's value: reported as info. " +
		"Another literal together with `lifecycle { ignore_changes = [value] }` is the placeholder pattern, where the real value is set outside Terraform; it is reported as info. " +
		"A value set in `terraform.tfvars` or `*.auto.tfvars` of the scanned root module is committed with it: that is reported at the tfvars line, even for a sensitive variable. " +
		"Values given with `--var`, `--var-file` or the environment are outside the repository and are not reported.",
	Language: "hcl",
	Bad: `resource "aws_ssm_parameter" "db_password" {
  name  = "/myapp/prod/db/password"
  type  = "SecureString"
  value = "Tr0ub4dor-prod-2024"
}
`,
	Good: `variable "db_password" {
  description = "Set from the CI secret store (TF_VAR_db_password)."
  type        = string
  sensitive   = true
}

resource "aws_ssm_parameter" "db_password" {
  name             = "/myapp/prod/db/password"
  type             = "SecureString"
  value_wo         = var.db_password
  value_wo_version = 1
}
`,
	Remediation: "Keep the value out of the configuration: use value_wo with value_wo_version, a sensitive variable without a default, or a generated value.",
	Sources:     []Source{srcTFParameter, srcSecureString},
}

// SSM203 finds parameter names that Parameter Store rejects.
var SSM203 = &Rule{
	ID:        "SSM203",
	Name:      "invalid-parameter-name",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionVeryHigh,
	Summary:   "A parameter name breaks Parameter Store's naming rules.",
	Rationale: "Parameter Store rejects a name that breaks its rules, so the apply fails: a name may contain only `a-zA-Z0-9_.-` and `/`; " +
		"a name with a hierarchy starts with `/`; it has at most 15 hierarchy levels; it must not start with `aws` or `ssm` in any letter case, with or without a leading `/`; " +
		"and the fully qualified name is at most 1011 characters. " +
		"The rule checks the names of `aws_ssm_parameter` resources and the parameter names inside IAM policy ARNs; constant names in Go code are checked by SSM604.",
	Language: "hcl",
	Bad: `resource "aws_ssm_parameter" "db_host" {
  name  = "myapp/prod/db_host"
  type  = "String"
  value = aws_db_instance.main.address
}
`,
	Good: `resource "aws_ssm_parameter" "db_host" {
  name  = "/myapp/prod/db_host"
  type  = "String"
  value = aws_db_instance.main.address
}
`,
	Remediation: "Rename the parameter: only a-zA-Z0-9_.-/ characters, a leading / for a hierarchy, at most 15 levels, no aws or ssm prefix.",
	Sources:     []Source{srcPutParameter, srcHierarchies, srcSSMAuthz},
}

// SSM204 finds parameter values larger than their tier allows.
var SSM204 = &Rule{
	ID:        "SSM204",
	Name:      "parameter-value-too-large",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionVeryHigh,
	Summary:   "A parameter value is larger than its tier allows.",
	Rationale: "Parameter values are limited by tier: up to 4 KB on the Standard tier, which applies when `tier` is unset, and up to 8 KB on the Advanced tier. " +
		"A value known to exceed 4 KB with tier Standard or unset, or 8 KB on any tier, is rejected by the API and the apply fails. " +
		"`Intelligent-Tiering` creates an Advanced parameter when the value needs it. " +
		"Values that are not known before apply are not checked.",
	Language: "hcl",
	Bad: `# 400 CIDR blocks, about 5 KB once joined.
resource "aws_ssm_parameter" "allowed_cidrs" {
  name  = "/myapp/prod/allowed_cidrs"
  type  = "StringList"
  value = join(",", [for i in range(400) : cidrsubnet("10.0.0.0/8", 16, i)])
}
`,
	Good: `# About 5 KB: the Advanced tier holds up to 8 KB.
resource "aws_ssm_parameter" "allowed_cidrs" {
  name  = "/myapp/prod/allowed_cidrs"
  type  = "StringList"
  tier  = "Advanced"
  value = join(",", [for i in range(400) : cidrsubnet("10.0.0.0/8", 16, i)])
}
`,
	Remediation: "Set tier = \"Advanced\" (or \"Intelligent-Tiering\") for values up to 8 KB, and keep larger values elsewhere, such as S3.",
	Sources:     []Source{srcTiers, srcDefaultTier},
}

// SSM205 finds readers of SecureStrings that may not decrypt with the
// parameter's customer-managed key.
var SSM205 = &Rule{
	ID:        "SSM205",
	Name:      "iam-missing-kms-decrypt",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "A principal may read SecureString parameters encrypted with a customer-managed KMS key but may not decrypt with that key.",
	Rationale: "Reading a SecureString with decryption uses its KMS key. " +
		"The AWS-managed key `alias/aws/ssm` lets every principal in the account that may use SSM decrypt, so readers need no KMS permission for it, and the rule ignores it. " +
		"A customer-managed key is different: the reader also needs `kms:Decrypt` on that key, granted by its IAM policies or by the key policy. " +
		"Without it the read fails at run time with access denied, although the `ssm:GetParameter*` grant looks right.",
	Language: "hcl",
	Bad: `resource "aws_kms_key" "params" {
  description = "myapp parameters"
}

resource "aws_ssm_parameter" "db_password" {
  name   = "/myapp/prod/db/password"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = var.db_password
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy" "app_read_params" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:GetParameter", "ssm:GetParameters"]
      Resource = aws_ssm_parameter.db_password.arn
    }]
  })
}
`,
	Good: `resource "aws_iam_role_policy" "app_read_params" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParameters"]
        Resource = aws_ssm_parameter.db_password.arn
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = aws_kms_key.params.arn
      },
    ]
  })
}
`,
	Remediation: "Grant kms:Decrypt on the parameter's KMS key to the reading principal, in its IAM policy or in the key policy.",
	Sources:     []Source{srcKMSParamStore, srcParamAccess},
}

// SSM206 finds consumers declared in the stack that may not read the
// parameters they use.
var SSM206 = &Rule{
	ID:        "SSM206",
	Name:      "iam-missing-parameter-read",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "A consumer declared in the stack reads parameters that its role is not allowed to read.",
	Rationale: "A consumer that reads parameters needs the permission on its own role. " +
		"The `secrets[].valueFrom` parameters of an ECS task definition are read with the task execution role when the task starts, so that role needs `ssm:GetParameters` on them, " +
		"and without it the task fails to start. " +
		"Go packages mapped to a role in the configuration (`package_roles`) are checked the same way. " +
		"Deny statements and `NotAction` are honoured, so a grant that a Deny overrides does not count.",
	Language: "hcl",
	Bad: `resource "aws_ssm_parameter" "db_password" {
  name  = "/myapp/prod/db/password"
  type  = "SecureString"
  value = var.db_password
}

# The task execution role has only AmazonECSTaskExecutionRolePolicy, which does
# not grant ssm:GetParameters.
resource "aws_iam_role" "api_execution" {
  name               = "api-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "api_execution" {
  role       = aws_iam_role.api_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "api" {
  family             = "api"
  execution_role_arn = aws_iam_role.api_execution.arn

  container_definitions = jsonencode([{
    name  = "api"
    image = "registry.example.com/api:1.4.2"
    secrets = [{
      name      = "DB_PASSWORD"
      valueFrom = aws_ssm_parameter.db_password.arn
    }]
  }])
}
`,
	Good: `resource "aws_iam_role_policy" "api_execution_params" {
  role = aws_iam_role.api_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:GetParameters"
      Resource = aws_ssm_parameter.db_password.arn
    }]
  })
}
`,
	Remediation: "Grant ssm:GetParameters on the parameters to the consumer's role (for ECS secrets, the task execution role).",
	Sources:     []Source{srcECSSecrets, srcECSExecRole, srcParamAccess},
}

// SSM207 finds policies that grant all of SSM, everything, or parameter
// reads on every resource.
var SSM207 = &Rule{
	ID:        "SSM207",
	Name:      "iam-ssm-wildcard",
	Severity:  Warning,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "A policy grants ssm:* or *, or grants parameter reads on every resource.",
	Rationale: "A policy that grants `ssm:*` or `*`, or parameter reads on `Resource: \"*\"`, lets the principal read every parameter in the account and Region, " +
		"every other application's SecureStrings included when their key allows it, and `ssm:*` on all resources also lets it run commands on, and start sessions with, any managed instance. " +
		"Least privilege means custom policies: grant the actions the principal uses, on the parameter paths it owns. " +
		"A statement that grants on `\"*\"` only actions AWS's own `AmazonSSMManagedInstanceCore` grants on `\"*\"` (`ssm:GetParameter`, `ssm:GetParameters`, `ssm:UpdateInstanceInformation`, the `ssmmessages` and `ec2messages` channel actions and the other agent actions, each written out) is that instance policy inlined, no broader than attaching it, and is not reported; a pattern such as `ssm:Get*` or a read beyond that set (`ssm:GetParametersByPath`, `ssm:GetParameterHistory`) is.",
	Language: "hcl",
	Bad: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["ssm:*"]
    resources = ["*"]
  }
}
`,
	Good: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["ssm:GetParameter", "ssm:GetParameters"]
    resources = ["arn:aws:ssm:${var.region}:${var.account_id}:parameter/myapp/prod/*"]
  }
}
`,
	Remediation: "Grant only the SSM actions the principal uses, on the parameter paths it owns.",
	Sources:     []Source{srcLeastPrivilege, srcParamAccess, srcInstanceCore},
}

// SSM208 finds malformed parameter ARNs in policies.
var SSM208 = &Rule{
	ID:        "SSM208",
	Name:      "iam-parameter-arn-malformed",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "A parameter ARN in a policy is malformed and matches no parameter.",
	Rationale: "IAM accepts a policy whose parameter ARN matches nothing, so the grant silently does nothing and reads fail with access denied. " +
		"A parameter ARN is `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME` with the name's leading `/` dropped: `/app/db/host` becomes `parameter/app/db/host`. " +
		"Building it as `parameter/${name}` from a name that starts with `/` yields `parameter//app/db/host`, the most common shape of this mistake. " +
		"The rule also reports an ARN whose name lacks the path segments of the parameter it is meant for, and a region or account part that cannot match any Region or 12-digit account ID.",
	Language: "hcl",
	Bad: `resource "aws_ssm_parameter" "db_password" {
  name  = "/myapp/prod/db/password"
  type  = "SecureString"
  value = var.db_password
}

# The name starts with "/", so the ARN contains "parameter//myapp/prod/db/password".
data "aws_iam_policy_document" "read_db_password" {
  statement {
    actions   = ["ssm:GetParameter"]
    resources = ["arn:aws:ssm:${var.region}:${var.account_id}:parameter/${aws_ssm_parameter.db_password.name}"]
  }
}
`,
	Good: `data "aws_iam_policy_document" "read_db_password" {
  statement {
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.db_password.arn]
  }
}
`,
	Remediation: "Use the parameter's arn attribute, or build the ARN as arn:aws:ssm:REGION:ACCOUNT:parameter/NAME without the name's leading slash.",
	Sources:     []Source{srcSSMAuthz, srcParamAccess},
}

// SSM209 suggests Secrets Manager for database passwords kept in Parameter
// Store.
var SSM209 = &Rule{
	ID:        "SSM209",
	Name:      "rotation-candidate",
	Severity:  Info,
	Kind:      Security,
	Precision: PrecisionMedium,
	Summary:   "A SecureString holds the password of a database in the same stack, which Secrets Manager could rotate.",
	Rationale: "Parameter Store keeps a value until someone changes it; it does not rotate secrets. " +
		"Secrets Manager does, with built-in support for RDS, which makes it the better home for passwords and API keys, " +
		"while Parameter Store suits configuration such as the database host. " +
		"When a SecureString holds the password of a database declared in the same stack, a managed secret, for example `manage_master_user_password` on `aws_db_instance`, can rotate it. " +
		"This is advice, so it is reported as info.",
	Language: "hcl",
	Bad: `resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_db_instance" "main" {
  identifier        = "myapp-prod"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  username          = "app"
  password          = random_password.db.result
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/myapp/prod/db/password"
  type  = "SecureString"
  value = random_password.db.result
}
`,
	Good: `# RDS keeps the password in Secrets Manager and can rotate it.
resource "aws_db_instance" "main" {
  identifier                  = "myapp-prod"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
}
`,
	Remediation: "Keep the database password in Secrets Manager with rotation (e.g. manage_master_user_password = true) and read it from there.",
	Sources:     []Source{srcRotation, srcRDSSecrets},
}
