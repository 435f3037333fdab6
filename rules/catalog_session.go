package rules

// The 1xx rules: can Session Manager reach the instances?

// SSM101 finds SSM-managed instances that can reach neither the internet nor
// the ssm and ssmmessages Interface endpoints.
var SSM101 = &Rule{
	ID:        "SSM101",
	Name:      "missing-ssm-endpoints",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "An instance meant to be SSM-managed sits in a subnet with no egress path and its VPC lacks Interface endpoints for ssm or ssmmessages.",
	Rationale: "An instance without an egress path reaches Systems Manager only through Interface VPC endpoints. " +
		"Without endpoints for `ssm` and `ssmmessages` in its VPC, SSM Agent cannot register the instance or open the Session Manager channel, " +
		"and every session fails with \"We couldn't start the session\". " +
		"The subnet's effective route table is its explicit association, else the VPC's main route table; a default route to an internet gateway, NAT gateway, NAT instance, transit gateway or other egress counts as a path. " +
		"An instance is meant to be SSM-managed when its role grants the SSM core permissions, when an association, maintenance-window target or patch group in the stack targets it, when its VPC has any SSM endpoint, or when the configuration says all instances are managed (`all_instances_managed: true`). " +
		"The finding names the VPC and exactly which endpoints are missing; when the subnet or its routes cannot be determined (a data source, an unset variable) the rule stays silent.",
	Language: "hcl",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# No route table association: the VPC's main route table applies, and it has
# no default route. The VPC has no aws_vpc_endpoint for ssm or ssmmessages.
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy_attachment" "app_ssm_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" {
  ami                  = var.ami_id
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = aws_iam_instance_profile.app.name
}
`,
	Good: `# Same VPC, subnet, role and instance, plus the endpoints:
resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
	Remediation: "Add Interface VPC endpoints for ssm and ssmmessages (and ec2messages) to the instance's VPC, or give its subnet a route to a NAT gateway.",
	Sources:     []Source{srcVPCEndpoints, srcSessionTrouble},
}

// SSM102 finds SSM Interface endpoints whose private DNS is off.
var SSM102 = &Rule{
	ID:        "SSM102",
	Name:      "endpoint-private-dns-disabled",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "An Interface endpoint for ssm, ssmmessages or ec2messages has private DNS disabled.",
	Rationale: "An Interface endpoint changes where the service's regional DNS name resolves only when private DNS is enabled. " +
		"With `private_dns_enabled` false, which is also the Terraform AWS provider's default when the argument is unset, SSM Agent keeps resolving the public regional endpoint, " +
		"which an instance without egress cannot reach: the endpoint exists, costs money, and is never used, and sessions still fail.",
	Language: "hcl",
	Bad: `resource "aws_vpc_endpoint" "ssm" {
  vpc_id             = aws_vpc.main.id
  service_name       = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = [aws_subnet.private.id]
  security_group_ids = [aws_security_group.endpoints.id]
}
`,
	Good: `resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
	Remediation: "Set private_dns_enabled = true on the endpoint.",
	Sources:     []Source{srcTFVPCEndpoint, srcVPCEndpoints, srcInterfaceEP},
}

// SSM103 finds SSM endpoints whose security groups do not admit HTTPS from
// the managed instances.
var SSM103 = &Rule{
	ID:        "SSM103",
	Name:      "endpoint-sg-no-https-ingress",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "None of an SSM endpoint's security groups admits TCP 443 from the managed instances.",
	Rationale: "Interface endpoints are network interfaces in the VPC, guarded by security groups, and SSM Agent connects to them over HTTPS. " +
		"One of the endpoint's security groups (the VPC's default security group when none is set) must therefore admit TCP 443 from the managed instances: " +
		"from their subnet CIDRs, the VPC CIDR, a CIDR that contains them, or their security group. " +
		"Inline `ingress` blocks, `aws_security_group_rule` and `aws_vpc_security_group_ingress_rule` all count, and so do protocol `-1` (all) and port ranges that cover 443. " +
		"Without such a rule the agent's connections time out and sessions cannot start.",
	Language: "hcl",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_security_group" "endpoints" {
  name   = "ssm-endpoints"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_instance" "app" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
`,
	Good: `resource "aws_security_group" "endpoints" {
  name   = "ssm-endpoints"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "HTTPS from the instances in the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}
`,
	Remediation: "Allow inbound TCP 443 on the endpoint's security group from the instances' subnets, the VPC CIDR or the instances' security group.",
	Sources:     []Source{srcVPCEndpoints, srcInterfaceEP, srcSessionTrouble},
}

// SSM104 finds managed instances whose security groups allow no HTTPS
// egress.
var SSM104 = &Rule{
	ID:        "SSM104",
	Name:      "instance-no-https-egress",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "A managed instance's security groups allow no outbound TCP 443.",
	Rationale: "SSM Agent only makes outbound HTTPS connections (TCP 443), to the regional endpoints through a NAT or internet gateway or to the Interface endpoints in the VPC, " +
		"so at least one of a managed instance's security groups must allow 443 egress. " +
		"The Terraform trap: an `aws_security_group` with no `egress` block and no separate egress rule has no egress at all, because Terraform deletes the allow-all egress rule AWS adds to a new group. " +
		"Blocked outbound HTTPS is among the causes of \"We couldn't start the session\".",
	Language: "hcl",
	Bad: `resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy_attachment" "app_ssm_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

# No egress block and no egress rule: Terraform leaves this group without any
# outbound rule.
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_instance" "app" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
`,
	Good: `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }

  egress {
    description = "HTTPS to Systems Manager"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
	Remediation: "Add an egress rule for TCP 443 to the instance's security group, towards the endpoints' subnets or, through a NAT, 0.0.0.0/0.",
	Sources:     []Source{srcTFSecurityGroup, srcVPCEndpoints, srcSessionTrouble},
}

// SSM105 finds endpoints for the SSM services that are not Interface
// endpoints.
var SSM105 = &Rule{
	ID:        "SSM105",
	Name:      "endpoint-type-not-interface",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionVeryHigh,
	Summary:   "An endpoint for ssm, ssmmessages or ec2messages is not of type Interface.",
	Rationale: "The Terraform AWS provider defaults `vpc_endpoint_type` to `Gateway`, but `ssm`, `ssmmessages` and `ec2messages` are reached through Interface endpoints. " +
		"An endpoint for one of them with the type unset, or set to anything but `Interface`, asks AWS for an endpoint the service does not offer: " +
		"the apply fails, and until it is fixed the instances have no private path to Systems Manager.",
	Language: "hcl",
	Bad: `resource "aws_vpc_endpoint" "ssmmessages" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.ssmmessages"
  subnet_ids   = [aws_subnet.private.id]
}
`,
	Good: `resource "aws_vpc_endpoint" "ssmmessages" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
	Remediation: "Set vpc_endpoint_type = \"Interface\" on the endpoint.",
	Sources:     []Source{srcTFVPCEndpoint, srcVPCEndpoints},
}

// SSM106 finds managed instances without the instance permissions SSM Agent
// needs.
var SSM106 = &Rule{
	ID:        "SSM106",
	Name:      "instance-profile-missing-ssm-core",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "A managed instance has no instance profile, or its role lacks the Systems Manager core permissions.",
	Rationale: "Without an instance profile whose role grants the Systems Manager core permissions, SSM Agent cannot register the instance: " +
		"it never becomes a managed node, and sessions, Run Command and patching all fail. " +
		"The managed policy `AmazonSSMManagedInstanceCore` grants those permissions; a policy that grants the equivalent actions " +
		"(`ssm:UpdateInstanceInformation`, `ssmmessages:CreateControlChannel`, `ssmmessages:CreateDataChannel`, `ssmmessages:OpenControlChannel`, `ssmmessages:OpenDataChannel`, `ec2messages:GetMessages`, …) counts as well. " +
		"Default Host Management Configuration manages instances that have no instance profile at all, so the rule stays silent when the stack turns it on " +
		"or when the configuration says it is on for the account (`default_host_management: true`).",
	Language: "hcl",
	Bad: `# Inventory is gathered from every instance tagged Environment = prod, so this
# instance is meant to be managed, but it has no instance profile.
resource "aws_ssm_association" "inventory" {
  name = "AWS-GatherSoftwareInventory"

  targets {
    key    = "tag:Environment"
    values = ["prod"]
  }
}

resource "aws_instance" "app" {
  ami           = var.ami_id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private.id

  tags = {
    Environment = "prod"
  }
}
`,
	Good: `resource "aws_iam_role_policy_attachment" "app_ssm_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" {
  ami                  = var.ami_id
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = aws_iam_instance_profile.app.name

  tags = {
    Environment = "prod"
  }
}
`,
	Remediation: "Give the instance a profile whose role has AmazonSSMManagedInstanceCore (or the equivalent actions), or turn on Default Host Management Configuration.",
	Sources:     []Source{srcInstancePerms, srcInstanceCore, srcDHMC},
}

// SSM107 finds attachments of the deprecated AmazonEC2RoleforSSM policy.
var SSM107 = &Rule{
	ID:        "SSM107",
	Name:      "deprecated-ssm-role-policy",
	Severity:  Warning,
	Kind:      Security,
	Precision: PrecisionVeryHigh,
	Summary:   "The deprecated AmazonEC2RoleforSSM managed policy is attached.",
	Rationale: "`AmazonEC2RoleforSSM` is the old instance policy for Systems Manager. " +
		"AWS describes it as due for deprecation, and it grants far more than an instance needs to be managed. " +
		"`AmazonSSMManagedInstanceCore` replaces it with only the core permissions; anything else the instance really uses, such as writing command output to a bucket, belongs in a narrowly scoped policy of its own.",
	Language: "hcl",
	Bad: `resource "aws_iam_role_policy_attachment" "app_ssm" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM"
}
`,
	Good: `resource "aws_iam_role_policy_attachment" "app_ssm" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}
`,
	Remediation: "Attach AmazonSSMManagedInstanceCore instead of AmazonEC2RoleforSSM, plus narrowly scoped policies for anything else the instance needs.",
	Sources:     []Source{srcRoleForSSM, srcInstanceCore, srcLeastPrivilege},
}

// SSM108 finds security groups that open SSH to the whole internet.
var SSM108 = &Rule{
	ID:        "SSM108",
	Name:      "ssh-open-to-world",
	Severity:  Warning,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "A security group admits SSH (TCP 22) from 0.0.0.0/0 or ::/0.",
	Rationale: "A security group that admits TCP 22 from `0.0.0.0/0` or `::/0` exposes SSH to the whole internet. " +
		"Session Manager removes the need to open the port at all: access is authorised through IAM and recorded in CloudTrail, sessions can be logged to CloudWatch Logs, " +
		"and there are no SSH keys and no bastion hosts to manage. " +
		"Tools that need SSH can tunnel it through Session Manager with the `AWS-StartSSHSession` document. " +
		"The rule speaks about groups that reach a machine (an instance, a launch template or configuration, a network interface) or whose attachments are not all known in the scan (attached to nothing here, passed to a module, output, or used by a resource type ssmlint does not model). " +
		"A group attached only to VPC endpoints, load balancers, databases, caches, Lambda functions or EFS mount targets has no SSH server behind it and is not reported, even when it admits all traffic.",
	Language: "hcl",
	Bad: `resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
	Good: `# No inbound rule: operators connect with "aws ssm start-session".
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id

  egress {
    description = "HTTPS to Systems Manager"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
	Remediation: "Remove the SSH ingress rule and connect through Session Manager, or restrict the source to known address ranges.",
	Sources:     []Source{srcSessionManager, srcSessionSSH},
}

// SSM109 finds managed instances in availability zones where no SSM
// endpoint has a network interface.
var SSM109 = &Rule{
	ID:        "SSM109",
	Name:      "endpoint-az-gap",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "A managed instance's availability zone has no subnet of an SSM endpoint.",
	Rationale: "An Interface endpoint is reachable from every availability zone of its VPC, but its network interfaces live only in the subnets listed in `subnet_ids`. " +
		"An instance in an availability zone without one depends on another zone: an outage there cuts it off from Systems Manager, and its traffic to the endpoint crosses zones, which is charged. " +
		"The rule compares the instance's availability zone with those of the endpoint's subnets and stays silent when either is unknown.",
	Language: "hcl",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private_a.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_instance" "worker" {
  ami                  = var.ami_id
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private_b.id
  iam_instance_profile = aws_iam_instance_profile.app.name
}
`,
	Good: `resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
	Remediation: "Add a subnet in the instance's availability zone to the endpoint's subnet_ids.",
	Sources:     []Source{srcVPCEndpoints, srcInterfaceEP},
}

// SSM110 finds instances without egress whose VPC has every SSM endpoint
// but ec2messages.
var SSM110 = &Rule{
	ID:        "SSM110",
	Name:      "missing-ec2messages-endpoint",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "An instance without egress has endpoints for ssm and ssmmessages but none for ec2messages.",
	Rationale: "Instances without egress have long needed three Interface endpoints: `ssm`, `ssmmessages` and `ec2messages`. " +
		"Newer AWS documentation says SSM Agent 3.3.40.0 and later no longer needs `ec2messages`, but older agents, still common on long-lived AMIs, depend on it. " +
		"The rule fires in the situation of SSM101 (a managed instance in a subnet with no egress path) when `ec2messages` is the only endpoint missing; " +
		"it is a warning rather than an error because current agents work without it.",
	Language: "hcl",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# No route table association and no route: the subnet has no egress.
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_instance" "app" {
  ami                  = var.ami_id
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = aws_iam_instance_profile.app.name
}
`,
	Good: `resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
	Remediation: "Add an Interface VPC endpoint for ec2messages, or make sure every instance runs SSM Agent 3.3.40.0 or later.",
	Sources:     []Source{srcVPCEndpoints},
}

// SSM111 finds instances without egress that lack the logs, kms or s3
// endpoint their SSM configuration depends on.
var SSM111 = &Rule{
	ID:        "SSM111",
	Name:      "missing-supporting-endpoint",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "An instance without egress lacks the logs, kms or s3 endpoint that its session logging, encryption or patching needs.",
	Rationale: "Without egress, every AWS service the Systems Manager features depend on needs an endpoint of its own. " +
		"Session logs sent to CloudWatch Logs need a `logs` Interface endpoint; sessions or parameters encrypted with a customer-managed KMS key need a `kms` Interface endpoint; " +
		"session logs written to S3, and patching, need an `s3` Gateway endpoint on the instances' route table. " +
		"Without them sessions may start but cannot be logged or decrypted, and patching fails.",
	Language: "hcl",
	Bad: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# No route table association and no route: the subnet has no egress.
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

# Endpoints for ssm, ssmmessages and ec2messages only.
resource "aws_vpc_endpoint" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}

resource "aws_instance" "app" {
  ami                  = var.ami_id
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = aws_iam_instance_profile.app.name
}

resource "aws_cloudwatch_log_group" "sessions" {
  name              = "/myapp/session-manager"
  retention_in_days = 365
}

resource "aws_kms_key" "sessions" {
  description = "Session Manager sessions"
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"

  content = jsonencode({
    schemaVersion = "1.0"
    description   = "Session Manager preferences"
    sessionType   = "Standard_Stream"
    inputs = {
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.sessions.name
      cloudWatchEncryptionEnabled = true
      kmsKeyId                    = aws_kms_key.sessions.arn
    }
  })
}
`,
	Good: `resource "aws_vpc_endpoint" "supporting" {
  for_each = toset(["logs", "kms"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
	Remediation: "Add the missing endpoints: logs and kms as Interface endpoints, s3 as a Gateway endpoint on the instances' route table.",
	Sources:     []Source{srcVPCEndpoints, srcSessionLogging, srcSessionKMS},
}
