// Package ssm601builtapp reads its settings through ssm601builtlib.
package ssm601builtapp

import (
	"context"
	"os"

	"ssm601builtlib"
)

func loadConfig(ctx context.Context, s *ssm601builtlib.Store) {
	s.Get(ctx, "auth", "JwtSecretKey")   // want `Get reads "/…/auth/JwtSecretKey" \(name built by fmt\.Sprintf from the arguments "auth" and "JwtSecretKey"\) through GetParameter \(params\.go:21\) which never decrypts, so a SecureString comes back encrypted: its name marks a secret \("secret"\)`
	s.Get(ctx, "auth", "LogLevel")       // not a secret: silent
	s.Service(ctx, "db_password")        // want `Service reads "/…/orders/db_password" \(name built by fmt\.Sprintf from the argument "db_password"\) through GetParameter \(params\.go:21\) which never decrypts`
	s.Service(ctx, "queue_url")          // silent
	s.Secret(ctx, "db_password")         // decrypts: silent
	s.Get(ctx, "auth", os.Getenv("KEY")) // unknown: silent
}

func sharedKeys(ctx context.Context, s *ssm601builtlib.Store) {
	s.Param(ctx, "api_key", false) // want `Param reads "/…/shared/api_key" \(name built by concatenation from the argument "api_key"\) through GetParameter \(params\.go:\d+\) with decryption off`
	s.Param(ctx, "api_key", true)
	s.Param(ctx, "region", false)
}
