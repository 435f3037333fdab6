package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// FloorResult is what ParseFloor did.
type FloorResult struct {
	Files       int   // files read and parsed
	Bytes       int64 // bytes read
	ParseErrors int   // files with syntax errors (0 for a generated corpus)
	// Kept holds the parsed files when ParseFloor was asked to retain
	// them (nil otherwise).
	Kept []*hcl.File
}

// TerraformFiles walks dir and returns the files ssmlint reads below it
// (.tf, .tofu, their .json forms, .tfvars and .tfvars.json), in lexical
// order, skipping hidden directories (.terraform, .git, ...) other than
// dir itself.
func TerraformFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		for _, ext := range [...]string{".tf", ".tofu", ".tf.json", ".tofu.json", ".tfvars", ".tfvars.json"} {
			if strings.HasSuffix(p, ext) {
				out = append(out, p)
				break
			}
		}
		return nil
	})
	return out, err
}

// ParseFloor reads and parses every file with hclsyntax.ParseConfig (JSON
// files with hcl's json.Parse), a worker per GOMAXPROCS (workers <= 0) or the given number. It does
// nothing else: no evaluation, no checks. ssmlint has to do at least
// this, so its time cannot go below ParseFloor's. With retain, the parsed
// files are kept (and returned) so that memory can be compared too.
func ParseFloor(files []string, workers int, retain bool) (FloorResult, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		res      FloorResult
		bytes    atomic.Int64
		perrs    atomic.Int64
		firstErr error
		errOnce  sync.Once
		wg       sync.WaitGroup
	)
	var kept []*hcl.File
	if retain {
		kept = make([]*hcl.File, len(files))
	}
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				src, err := os.ReadFile(files[i])
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					continue
				}
				bytes.Add(int64(len(src)))
				var f *hcl.File
				var diags hcl.Diagnostics
				if strings.HasSuffix(files[i], ".json") {
					f, diags = hcljson.Parse(src, files[i])
				} else {
					f, diags = hclsyntax.ParseConfig(src, files[i], hcl.InitialPos)
				}
				if diags.HasErrors() {
					perrs.Add(1)
				}
				if retain {
					kept[i] = f
				}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	res.Files = len(files)
	res.Bytes = bytes.Load()
	res.ParseErrors = int(perrs.Load())
	res.Kept = kept
	return res, firstErr
}
