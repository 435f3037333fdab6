package rules

// The 6xx rules: Go code that uses Parameter Store through aws-sdk-go v1 or
// aws-sdk-go-v2. The examples use v2 unless the rule is about v1.

// SSM601 finds SecureString reads that do not decrypt.
var SSM601 = &Rule{
	ID:        "SSM601",
	Name:      "getparameter-missing-decryption",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "A SecureString parameter is read without WithDecryption set to true.",
	Rationale: "`GetParameter`, `GetParameters`, `GetParametersByPath` and `GetParameterHistory` return a SecureString's value encrypted unless `WithDecryption` is true. " +
		"With it absent, nil or false the program receives ciphertext and uses it as if it were the password, a mistake that shows up only at run time. " +
		"A parameter is known to be a SecureString when the scanned Terraform declares it so, when the same program puts it as a SecureString, or when its name marks a secret (the vocabulary of SSM201). " +
		"The rule follows the value through wrappers across functions and packages, such as a `get(name string, decrypt bool)` helper whose callers always pass false, " +
		"and through names built at run time (`fmt.Sprintf(\"/%s/app/%s\", env, name)`, concatenation): a caller's argument that marks a secret, " +
		"or a known last segment whose pattern matches a SecureString of the Terraform inventory (`/…/app/db_dsn` and `/prod/app/db_dsn`), makes the read a SecureString read. " +
		"A wrapper that never decrypts is reported at its read, naming the callers and what they pass, when they are in its package; a caller in another package is reported at its call. " +
		"Unknown arguments, and an unknown part in the name's last segment, keep it silent. " +
		"A read whose value is never used needs no decryption and is not reported: an existence or version check that keeps only the error, or uses the output only for `Name`, `Version`, `Type`, `ARN` and the like " +
		"(handing the output or a parameter on, or reading `Value`, counts as a use). " +
		"It offers a suggested fix that sets `WithDecryption: aws.Bool(true)`. " +
		"Terraform's `data \"aws_ssm_parameter\"` is not a call and decrypts by default.",
	Language: "go",
	Bad: `func dbPassword(ctx context.Context, client *ssm.Client) (string, error) {
	out, err := client.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/myapp/prod/db/password"),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
`,
	Good: `func dbPassword(ctx context.Context, client *ssm.Client) (string, error) {
	out, err := client.GetParameter(ctx, &ssm.GetParameterInput{
		Name:           aws.String("/myapp/prod/db/password"),
		WithDecryption: aws.Bool(true),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Parameter.Value), nil
}
`,
	Remediation: "Set WithDecryption: aws.Bool(true) on the call.",
	Options:     secretWordOptions(),
	Sources:     []Source{srcGetParameter, srcKMSParamStore},
}

// SSM602 finds paginated parameter listings read as one page.
var SSM602 = &Rule{
	ID:        "SSM602",
	Name:      "unpaginated-parameter-list",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "GetParametersByPath, DescribeParameters or GetParameterHistory is called once instead of page by page.",
	Rationale: "`GetParametersByPath`, `DescribeParameters` and `GetParameterHistory` are paginated: one call returns one page, at most 10 results for `GetParametersByPath` and up to 50 for the others, " +
		"and a page may even be empty while `NextToken` is set. " +
		"A single call silently drops everything after the first page, so parameters go missing as the hierarchy grows. " +
		"Calls made through a paginator, or in a loop that follows `NextToken`, are fine, " +
		"and so is a call whose output is discarded (`_, err := …`), such as a `DescribeParameters` with `MaxResults: 1` that probes credentials or permissions: it reads no page.",
	Language: "go",
	Bad: `func loadConfig(ctx context.Context, client *ssm.Client) (map[string]string, error) {
	out, err := client.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{
		Path:           aws.String("/myapp/prod"),
		Recursive:      aws.Bool(true),
		WithDecryption: aws.Bool(true),
	})
	if err != nil {
		return nil, err
	}
	cfg := make(map[string]string)
	for _, p := range out.Parameters {
		cfg[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return cfg, nil
}
`,
	Good: `func loadConfig(ctx context.Context, client *ssm.Client) (map[string]string, error) {
	pages := ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{
		Path:           aws.String("/myapp/prod"),
		Recursive:      aws.Bool(true),
		WithDecryption: aws.Bool(true),
	})
	cfg := make(map[string]string)
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, p := range page.Parameters {
			cfg[aws.ToString(p.Name)] = aws.ToString(p.Value)
		}
	}
	return cfg, nil
}
`,
	Remediation: "Use the SDK paginator (e.g. ssm.NewGetParametersByPathPaginator) or loop until NextToken is empty.",
	Sources:     []Source{srcGetByPath, srcDescribeParams, srcParamHistory, srcGoV2Paginators},
}

// SSM603 finds GetParameters calls with more names than the API accepts.
var SSM603 = &Rule{
	ID:        "SSM603",
	Name:      "getparameters-too-many-names",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "GetParameters is called with more than 10 names known at compile time, or (a warning) with names built at run time that nothing splits into batches of 10.",
	Rationale: "`GetParameters` accepts at most 10 names per call; a request with more is rejected at run time. " +
		"The rule counts names known at compile time (a list literal, directly or through a variable): more than 10 is an error. " +
		"A list built at run time, from a function parameter, a command-line flag or `os.Args`, an environment variable, a configuration field (a `yaml`, `json`, `env`… tag), " +
		"struct tags read by reflection, or appended to in a loop over one of these, is reported as a warning that names where the list comes from, " +
		"unless the call takes it in batches (`slices.Chunk(names, 10)`, `names[i:end]`, a chunking helper), a length check guards it (`len(names) > 10` → error, `len(batch) == 10` → flush), " +
		"or it is built from a source of at most 10 elements; a function parameter is not reported when every call of the function in the package gives at most 10 names or a batch. " +
		"A list whose source cannot be told is not reported. " +
		"Read more in groups of at most 10, or read a common path with `GetParametersByPath`.",
	Language: "go",
	Bad: `func loadSettings(ctx context.Context, client *ssm.Client) (*ssm.GetParametersOutput, error) {
	return client.GetParameters(ctx, &ssm.GetParametersInput{
		Names: []string{
			"/myapp/prod/db/host", "/myapp/prod/db/port", "/myapp/prod/db/name",
			"/myapp/prod/db/user", "/myapp/prod/cache/host", "/myapp/prod/cache/port",
			"/myapp/prod/queue/url", "/myapp/prod/bucket/name", "/myapp/prod/log_level",
			"/myapp/prod/feature_flags", "/myapp/prod/region",
		},
	})
}
`,
	Good: `func getParameters(ctx context.Context, client *ssm.Client, names []string) ([]types.Parameter, error) {
	var params []types.Parameter
	for chunk := range slices.Chunk(names, 10) {
		out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: chunk})
		if err != nil {
			return nil, err
		}
		if len(out.InvalidParameters) > 0 {
			return nil, fmt.Errorf("unknown parameters: %v", out.InvalidParameters)
		}
		params = append(params, out.Parameters...)
	}
	return params, nil
}
`,
	Remediation: "Split the names into calls of at most 10, or read their common path with GetParametersByPath.",
	Sources:     []Source{srcGetParameters, srcGetByPath},
}

// SSM604 finds constant parameter names in Go code that Parameter Store
// rejects.
var SSM604 = &Rule{
	ID:        "SSM604",
	Name:      "invalid-parameter-name-go",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionVeryHigh,
	Summary:   "A constant parameter name or path in Go code breaks Parameter Store's naming rules.",
	Rationale: "Parameter Store rejects a name that breaks its rules, and in Go code that surfaces only as a run-time error. " +
		"Names are checked in direct calls and in the input given to the SDK's paginators (`ssm.NewGetParametersByPathPaginator`, `ssm.NewGetParameterHistoryPaginator`). " +
		"The checks are those of SSM203: only `a-zA-Z0-9_.-` and `/`; a name with a hierarchy, and every `GetParametersByPath` path, starts with `/`; at most 15 hierarchy levels; " +
		"no `aws` or `ssm` prefix in any letter case, with or without a leading `/`; and at most 1011 characters for the fully qualified name. " +
		"Only names known at compile time are checked.",
	Language: "go",
	Bad: `const configPath = "myapp/prod"

func newConfigPages(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{
		Path:      aws.String(configPath),
		Recursive: aws.Bool(true),
	})
}
`,
	Good: `const configPath = "/myapp/prod"

func newConfigPages(client *ssm.Client) *ssm.GetParametersByPathPaginator {
	return ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{
		Path:      aws.String(configPath),
		Recursive: aws.Bool(true),
	})
}
`,
	Remediation: "Fix the constant name: only a-zA-Z0-9_.-/ characters, a leading / for a path, at most 15 levels, no aws or ssm prefix.",
	Sources:     []Source{srcPutParameter, srcHierarchies, srcGetByPath},
}

// SSM605 finds SecureStrings put with a value written in the code.
var SSM605 = &Rule{
	ID:        "SSM605",
	Name:      "hardcoded-securestring-value",
	Severity:  Error,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "PutParameter stores a SecureString whose value is a constant in the code.",
	Rationale: "A `PutParameter` of type SecureString with a constant value keeps the secret in the source code and in version control, " +
		"where the encryption in Parameter Store no longer protects it. " +
		"Pass the value in from where it is generated or kept: an argument, the environment, a secret store.",
	Language: "go",
	Bad: `func storeAPIKey(ctx context.Context, client *ssm.Client) error {
	_, err := client.PutParameter(ctx, &ssm.PutParameterInput{
		Name:  aws.String("/myapp/prod/payments/api_key"),
		Type:  types.ParameterTypeSecureString,
		Value: aws.String("pk-prod-7f3a9c2e41d8"),
	})
	return err
}
`,
	Good: `func storeAPIKey(ctx context.Context, client *ssm.Client, apiKey string) error {
	_, err := client.PutParameter(ctx, &ssm.PutParameterInput{
		Name:      aws.String("/myapp/prod/payments/api_key"),
		Type:      types.ParameterTypeSecureString,
		Value:     aws.String(apiKey),
		Overwrite: aws.Bool(true),
	})
	return err
}
`,
	Remediation: "Pass the value in from where it is generated or kept instead of writing it in the code.",
	Sources:     []Source{srcSecureString, srcPutParameter},
}

// SSM606 finds secrets put as plain String parameters.
var SSM606 = &Rule{
	ID:        "SSM606",
	Name:      "plaintext-secret-put",
	Severity:  Error,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "PutParameter stores a parameter whose name marks a secret with type String.",
	Rationale: "A `PutParameter` of type `String` for a name that marks a secret (the vocabulary of SSM201) stores the secret without encryption: " +
		"it is shown in clear in the console and returned to anyone allowed to call `ssm:GetParameter`, with no KMS permission involved. " +
		"Use `SecureString`, which KMS encrypts.",
	Language: "go",
	Bad: `func storeDBPassword(ctx context.Context, client *ssm.Client, password string) error {
	_, err := client.PutParameter(ctx, &ssm.PutParameterInput{
		Name:      aws.String("/myapp/prod/db/password"),
		Type:      types.ParameterTypeString,
		Value:     aws.String(password),
		Overwrite: aws.Bool(true),
	})
	return err
}
`,
	Good: `func storeDBPassword(ctx context.Context, client *ssm.Client, password string) error {
	_, err := client.PutParameter(ctx, &ssm.PutParameterInput{
		Name:      aws.String("/myapp/prod/db/password"),
		Type:      types.ParameterTypeSecureString,
		Value:     aws.String(password),
		Overwrite: aws.Bool(true),
	})
	return err
}
`,
	Remediation: "Set Type to SecureString for this parameter.",
	Options:     secretWordOptions(),
	Sources:     []Source{srcSecureString, srcKMSParamStore},
}

// SSM607 finds constant parameter names that the scanned Terraform does not
// declare.
var SSM607 = &Rule{
	ID:        "SSM607",
	Name:      "unknown-parameter",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "A constant parameter name in Go code is declared by no aws_ssm_parameter in the scanned Terraform.",
	Rationale: "A misspelt parameter name is found only when the program runs and fails to start. " +
		"When Terraform is scanned alongside the Go code, the rule compares each constant name with the names of the scanned `aws_ssm_parameter` resources " +
		"and suggests the closest one when it is near. " +
		"It stays silent when no Terraform was scanned; parameters created elsewhere, by another stack, need a suppression with a reason.",
	Language: "go",
	Bad: `// The scanned Terraform declares /myapp/prod/db/password.
func dbPassword(ctx context.Context, client *ssm.Client) (*ssm.GetParameterOutput, error) {
	return client.GetParameter(ctx, &ssm.GetParameterInput{
		Name:           aws.String("/myapp/prod/db/passwd"),
		WithDecryption: aws.Bool(true),
	})
}
`,
	Good: `// The scanned Terraform declares /myapp/prod/db/password.
func dbPassword(ctx context.Context, client *ssm.Client) (*ssm.GetParameterOutput, error) {
	return client.GetParameter(ctx, &ssm.GetParameterInput{
		Name:           aws.String("/myapp/prod/db/password"),
		WithDecryption: aws.Bool(true),
	})
}
`,
	Remediation: "Correct the parameter name (see the suggestion), or declare the parameter in the scanned Terraform.",
	Sources:     []Source{srcGetParameter},
}

// SSM608 finds GetParameters results whose InvalidParameters are ignored.
var SSM608 = &Rule{
	ID:        "SSM608",
	Name:      "invalid-parameters-ignored",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "The result of GetParameters is used but its InvalidParameters is never read.",
	Rationale: "`GetParameters` does not fail for names that do not exist: it lists them in `InvalidParameters` and returns the others in `Parameters`. " +
		"Code that uses the result without reading `InvalidParameters` runs on with missing settings, typically empty strings, " +
		"and the wrong or missing name goes unnoticed. " +
		"A call whose result is discarded while its error is checked (`_, err := client.GetParameters(…)` as an existence check) is reported too: that check never fails for a missing name. " +
		"The rule is silent when the names come from a listing the program just made (the pages of `DescribeParameters` or `GetParametersByPath`, directly or through a slice built from them), " +
		"and when the code notices a missing name another way: a comma-ok lookup of each requested name in a map of the results (`v, ok := byName[name]`), " +
		"a count check such as `len(out.Parameters) < len(names)`, or the difference between the requested and the returned names.",
	Language: "go",
	Bad: `func dbSettings(ctx context.Context, client *ssm.Client) (map[string]string, error) {
	out, err := client.GetParameters(ctx, &ssm.GetParametersInput{
		Names: []string{"/myapp/prod/db/host", "/myapp/prod/db/port"},
	})
	if err != nil {
		return nil, err
	}
	settings := make(map[string]string)
	for _, p := range out.Parameters {
		settings[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return settings, nil
}
`,
	Good: `func dbSettings(ctx context.Context, client *ssm.Client) (map[string]string, error) {
	out, err := client.GetParameters(ctx, &ssm.GetParametersInput{
		Names: []string{"/myapp/prod/db/host", "/myapp/prod/db/port"},
	})
	if err != nil {
		return nil, err
	}
	if len(out.InvalidParameters) > 0 {
		return nil, fmt.Errorf("parameters not found: %v", out.InvalidParameters)
	}
	settings := make(map[string]string)
	for _, p := range out.Parameters {
		settings[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	return settings, nil
}
`,
	Remediation: "Check InvalidParameters and fail, or fall back explicitly, when it is not empty.",
	Sources:     []Source{srcGetParameters},
}

// SSM609 finds aws-sdk-go v1 pagination callbacks that stop after the
// first page.
var SSM609 = &Rule{
	ID:        "SSM609",
	Name:      "pages-callback-stops-early",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "An aws-sdk-go v1 …Pages callback returns lastPage or false unconditionally, so iteration stops after the first page.",
	Rationale: "In aws-sdk-go v1 the callback of a `…Pages` or `…PagesWithContext` method returns whether to go on: `true` asks for the next page, `false` stops. " +
		"A callback that returns its `lastPage` argument, or a constant `false`, unconditionally stops after the first page, so the result is silently cut, " +
		"and Parameter Store pages are small (at most 10 results for `GetParametersByPath`). " +
		"A callback that stops early on purpose, with a conditional `return false` once it has found what it looks for, is fine.",
	Language: "go",
	Bad: `func parameterNames(svc *ssm.SSM) ([]string, error) {
	var names []string
	err := svc.DescribeParametersPages(&ssm.DescribeParametersInput{},
		func(page *ssm.DescribeParametersOutput, lastPage bool) bool {
			for _, p := range page.Parameters {
				names = append(names, aws.StringValue(p.Name))
			}
			return lastPage
		})
	return names, err
}
`,
	Good: `func parameterNames(svc *ssm.SSM) ([]string, error) {
	var names []string
	err := svc.DescribeParametersPages(&ssm.DescribeParametersInput{},
		func(page *ssm.DescribeParametersOutput, lastPage bool) bool {
			for _, p := range page.Parameters {
				names = append(names, aws.StringValue(p.Name))
			}
			return true
		})
	return names, err
}
`,
	Remediation: "Return true from the callback to read every page, and return false only on a condition.",
	Sources:     []Source{srcGoV1Pages, srcGetByPath},
}
