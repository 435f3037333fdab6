package ssm603

import (
	"context"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	ssmv1 "github.com/aws/aws-sdk-go/service/ssm"
)

// Names lists built at run time, never split into batches of 10 and never
// checked for length: each fails once more than 10 names come in.

// LoadConfig reads whatever names its caller passes, in one request.
func LoadConfig(ctx context.Context, client *ssm.Client, names []string) (*ssm.GetParametersOutput, error) {
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names, WithDecryption: aws.Bool(true)}) // want `Names comes from the parameter names of LoadConfig`
}

// Checking for an empty list is not a length limit.
func LoadNonEmpty(ctx context.Context, client *ssm.Client, names []string) (*ssm.GetParametersOutput, error) {
	if len(names) == 0 {
		return &ssm.GetParametersOutput{}, nil
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from the parameter names of LoadNonEmpty`
}

// Store reads parameters for the application.
type Store struct{ client *ssm.Client }

// Get reads the parameters named.
func (s *Store) Get(ctx context.Context, names ...string) (*ssm.GetParametersOutput, error) {
	return s.client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from the parameter names of Store.Get`
}

var paramsFlag = flag.String("params", "", "comma-separated parameter names to read")

func readFlagged(ctx context.Context, client *ssm.Client) error {
	names := strings.Split(*paramsFlag, ",")
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from splitting the flag -params`
	return err
}

func readFlagVar(ctx context.Context, client *ssm.Client) error {
	var list string
	flag.StringVar(&list, "names", "", "parameter names, comma-separated")
	flag.Parse()
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: strings.Split(list, ",")}) // want `Names comes from splitting the flag -names`
	return err
}

// A command line with at least one name: no limit.
func readArgs(ctx context.Context, client *ssm.Client) error {
	if len(os.Args) < 2 {
		return fmt.Errorf("usage: %s NAME...", os.Args[0])
	}
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: os.Args[1:]}) // want `Names comes from the command-line arguments \(os.Args\)`
	return err
}

func readFlagArgs(ctx context.Context, client *ssm.Client) error {
	flag.Parse()
	names := flag.Args()
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from the command-line arguments \(flag.Args\)`
	return err
}

func readEnvironment(ctx context.Context, client *ssm.Client) error {
	names := strings.Split(os.Getenv("APP_PARAMETERS"), ",")
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from splitting the environment variable APP_PARAMETERS`
	return err
}

// Settings is the application's configuration file.
type Settings struct {
	Region     string   `yaml:"region"`
	Parameters []string `yaml:"parameters"`
}

func readSettings(ctx context.Context, client *ssm.Client, s *Settings) error {
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: s.Parameters}) // want `Names comes from the field Settings.Parameters, read from configuration \(yaml:"parameters"\)`
	return err
}

// LoadInto fills dst's fields from the parameters their `ssm` tags name.
func LoadInto(ctx context.Context, client *ssm.Client, dst any) error {
	t := reflect.TypeOf(dst).Elem()
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name, ok := t.Field(i).Tag.Lookup("ssm"); ok {
			names = append(names, name)
		}
	}
	out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names, WithDecryption: aws.Bool(true)}) // want `Names comes from the "ssm" struct tags of the fields of dst, whose type is known only at run time`
	if err != nil {
		return err
	}
	return fill(dst, out)
}

func fill(dst any, out *ssm.GetParametersOutput) error { return nil }

// DBPasswords reads one password per service.
func DBPasswords(ctx context.Context, client *ssm.Client, services []string) (*ssm.GetParametersOutput, error) {
	names := make([]string, 0, len(services))
	for _, svc := range services {
		names = append(names, "/prod/"+svc+"/db_password")
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from a loop over the parameter services of DBPasswords`
}

// Tenants is decoded from tenants.json.
type Tenants struct {
	ByName map[string]string `json:"tenants"`
}

func tenantKeys(ctx context.Context, client *ssm.Client, cfg Tenants) error {
	var names []string
	for name := range cfg.ByName {
		names = append(names, fmt.Sprintf("/tenants/%s/api_key", name))
	}
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from a loop over the field Tenants.ByName, read from configuration \(json:"tenants"\)`
	return err
}

// Twelve regions, each one name: the list is too long whatever runs.
var amiRegions = [...]string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
	"eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "sa-east-1",
}

func amiPerRegion(ctx context.Context, client *ssm.Client) error {
	names := make([]string, 0, len(amiRegions))
	for _, r := range amiRegions {
		names = append(names, "/golden-ami/"+r+"/id")
	}
	_, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names can hold up to 12 names`
	return err
}

// v1: the same, through aws.StringSlice.
func v1Load(svc *ssmv1.SSM, names []string) (*ssmv1.GetParametersOutput, error) {
	return svc.GetParameters(&ssmv1.GetParametersInput{Names: awsv1.StringSlice(names)}) // want `Names comes from the parameter names of v1Load`
}

// Struct tags of a type with eleven fields, read by reflection.
type serviceConfig struct {
	DBHost    string `ssm:"/svc/db/host"`
	DBPort    string `ssm:"/svc/db/port"`
	DBName    string `ssm:"/svc/db/name"`
	DBUser    string `ssm:"/svc/db/user"`
	CacheHost string `ssm:"/svc/cache/host"`
	CachePort string `ssm:"/svc/cache/port"`
	QueueURL  string `ssm:"/svc/queue/url"`
	Bucket    string `ssm:"/svc/bucket"`
	LogLevel  string `ssm:"/svc/log_level"`
	Features  string `ssm:"/svc/features"`
	SentryDSN string `ssm:"/svc/sentry_dsn"`
}

func loadServiceConfig(ctx context.Context, client *ssm.Client) (*ssm.GetParametersOutput, error) {
	t := reflect.TypeOf(serviceConfig{})
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		names = append(names, t.Field(i).Tag.Get("ssm"))
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names can hold up to 11 names`
}

// One name per key, by index.
func ReadKeys(ctx context.Context, client *ssm.Client, keys []string) (*ssm.GetParametersOutput, error) {
	names := make([]string, len(keys))
	for i := range keys {
		names[i] = "/keys/" + keys[i]
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from the parameter keys of ReadKeys`
}

// One name per tenant ID, appended by index.
func ReadTenantIDs(ctx context.Context, client *ssm.Client, ids []int) (*ssm.GetParametersOutput, error) {
	var names []string
	for i := 0; i < len(ids); i++ {
		names = append(names, fmt.Sprintf("/tenants/%d/region", ids[i]))
	}
	return client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from a loop over the parameter ids of ReadTenantIDs`
}

// The input built field by field: its Names appended to in a loop.
func (s *Store) fetchDistinct(ctx context.Context, names []string) (*ssm.GetParametersOutput, error) {
	seen := map[string]bool{}
	in := &ssm.GetParametersInput{WithDecryption: aws.Bool(true)}
	for _, name := range names {
		if !seen[name] {
			seen[name] = true
			in.Names = append(in.Names, name) // want `Names comes from a loop over the parameter names of Store.fetchDistinct`
		}
	}
	return s.client.GetParameters(ctx, in)
}

// Every caller's names are given to the helper as they come.
func (s *Store) Refresh(ctx context.Context, names []string) error {
	_, err := s.fetchDistinct(ctx, expandGlobs(names))
	return err
}

func expandGlobs(names []string) []string { return names }

// Comparing the count that came back with the count asked for is not a
// limit on the names asked for.
func ReadStrict(ctx context.Context, client *ssm.Client, names []string) error {
	out, err := client.GetParameters(ctx, &ssm.GetParametersInput{Names: names}) // want `Names comes from the parameter names of ReadStrict`
	if err != nil {
		return err
	}
	if len(out.Parameters) < len(names) {
		return fmt.Errorf("found %d of %d parameters", len(out.Parameters), len(names))
	}
	return nil
}
