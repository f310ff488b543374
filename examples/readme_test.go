package examples_test

// This file runs the shell commands of the repository's README.md, as a user
// would copy them, and checks that every program under examples/ answers -h
// with its usage and exit status 0.
//
// Every line of a ```sh block in the README must have an entry in
// readmeCommands, and every entry must still be in the README: a changed
// command fails the test until its entry is updated. "go run ./examples/X"
// runs a binary built once from ./examples/X (what go run does, without
// building it again for each command), in a scratch directory that holds the
// README's shop.txt. Two substitutions are made, and only these: the server's
// port 8080 becomes a free port (in the server command and in the curl
// command alike), so that the test never collides with whatever listens on
// 8080; and "go test ./..." is not run, because it is the command running
// this test.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// readmeCommand says how the test judges one README command.
type readmeCommand struct {
	codes      []int    // accepted exit statuses (check and audit exit 1 when they flag something)
	background bool     // a server: started, waited for, stopped at the end
	stdout     []string // the output must contain each of these
	files      []string // files the command must leave non-empty in the scratch directory
	skip       string   // why the command is not run
}

// readmeCommands holds every command of the README's ```sh blocks.
var readmeCommands = map[string]readmeCommand{
	"go run ./examples/quickstart":                      {codes: []int{0}, stdout: []string{"扣25分", "→ rewrite"}},
	"go test ./...":                                     {skip: "it is the command that runs this test"},
	"go run ./examples/chatgen -n 100000 > chats.jsonl": {codes: []int{0}, files: []string{"chats.jsonl"}},
	"go run ./examples/audit -platform jd -html report.html chats.jsonl": {codes: []int{0, 1},
		stdout: []string{"off_platform"}, files: []string{"report.html"}},
	"go run ./examples/server -addr 127.0.0.1:8080 -lexicon shop.txt": {background: true},
	// examples/beam is its own module: .ci/run runs its tests, which run the
	// same pipeline on the local runner against examples/audit.
	"go run ./examples/chatgen -n 10000 > chats.jsonl": {codes: []int{0}, files: []string{"chats.jsonl"}},
	"cd examples/beam": {skip: "the two commands after it run in examples/beam, its own module"},
	"go run . -input ../../chats.jsonl -output out/ -platform jd":                                    {skip: "examples/beam, its own module: .ci/run runs this pipeline in its tests"},
	"docker run --net=host apache/beam_flink1.18_job_server:2.77.0 --flink-master=flink-master:8081": {skip: "needs Docker and a Flink cluster"},
	"go run . -runner flink -endpoint localhost:8099 -environment_type DOCKER -environment_config apache/beam_go_sdk:2.77.0 -input 's3://logs/2026-03-15/*.jsonl.gz' -output s3://audits/2026-03-15/ -platform jd -lexicon s3://rules/shop.txt -shards 64": {
		skip: "needs a Flink cluster and S3"},
	"go run . -runner dataflow -project my-project -region us-central1 -staging_location gs://my-bucket/staging -temp_location gs://my-bucket/tmp -worker_machine_type n2-standard-4 -max_num_workers 50 -input 'gs://logs/2026-03-15/*.jsonl.gz' -output gs://audits/2026-03-15/ -platform jd -lexicon gs://rules/shop.txt -shards 64": {
		skip: "needs a Google Cloud project (the job was translated with -dry_run by hand)"},
	`curl -s localhost:8080/v1/check -d '{"text":"亲，加 微 信","platform":"jd"}'`: {codes: []int{0},
		stdout: []string{`"platform":"jd"`, `"category":"forbidden_address"`, `"category":"off_platform"`}},
}

// readme reads ../README.md: the commands of its ```sh blocks (comments
// after " #" removed) and the text block that starts "# shop.txt".
func readme(t *testing.T) (commands []string, shop string) {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	var block string // the language of the fenced block we are in, or ""
	var text strings.Builder
	inFence := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	continued := "" // a command ending in a backslash goes on on the next line
	for sc.Scan() {
		line := sc.Text()
		if inFence && block == "sh" {
			if strings.HasSuffix(line, "\\") {
				continued += strings.TrimSpace(strings.TrimSuffix(line, "\\")) + " "
				continue
			}
			line, continued = continued+strings.TrimSpace(line), ""
		}
		if strings.HasPrefix(line, "```") {
			if inFence {
				if block == "text" && strings.HasPrefix(text.String(), "# shop.txt") {
					shop = text.String()
				}
				inFence, block = false, ""
				continue
			}
			inFence, block = true, strings.TrimPrefix(line, "```")
			text.Reset()
			continue
		}
		if !inFence {
			continue
		}
		text.WriteString(line + "\n")
		if block != "sh" {
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			commands = append(commands, line)
		}
	}
	require.NoError(t, sc.Err())
	return commands, shop
}

// TestReadmeCommandsListed keeps readmeCommands and the README in step.
func TestReadmeCommandsListed(t *testing.T) {
	commands, shop := readme(t)
	require.NotEmpty(t, shop, "the README's lexicon example (a text block starting # shop.txt) is gone")
	for _, c := range commands {
		_, ok := readmeCommands[c]
		require.True(t, ok, "README command %q has no entry in readmeCommands: add one saying how to check it", c)
	}
	for c := range readmeCommands {
		require.True(t, slices.Contains(commands, c), "readmeCommands lists %q, which is no longer in the README", c)
	}
}

var built struct {
	once  sync.Once
	dir   string
	names []string
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildExamples builds every program under examples/ once into a directory
// and returns it, with the programs' names.
func buildExamples(t *testing.T) (string, []string) {
	t.Helper()
	built.once.Do(func() {
		dirs, err := filepath.Glob("*/main.go")
		if err != nil || len(dirs) == 0 {
			built.err = fmt.Errorf("no programs under examples/ (%v)", err)
			return
		}
		for _, d := range dirs {
			if _, err := os.Stat(filepath.Join(filepath.Dir(d), "go.mod")); err == nil {
				continue // its own module (examples/beam): .ci/run tests it there
			}
			built.names = append(built.names, filepath.Dir(d))
		}
		if built.dir, built.err = os.MkdirTemp("", "huashu-examples-"); built.err != nil {
			return
		}
		args := []string{"build", "-o", built.dir + string(os.PathSeparator)}
		for _, n := range built.names {
			args = append(args, "./"+n)
		}
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	})
	require.NoError(t, built.err)
	return built.dir, built.names
}

// TestReadmeCommands runs the README's commands.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example and runs the README's commands (100,000 generated conversations); run without -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command in PATH")
	}
	commands, shop := readme(t)
	bin, _ := buildExamples(t)
	work := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(work, "shop.txt"), []byte(shop), 0o644))
	port := freePort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	for _, line := range commands {
		spec := readmeCommands[line]
		if spec.skip != "" {
			t.Logf("not run: %s (%s)", line, spec.skip)
			continue
		}
		line = strings.ReplaceAll(line, ":8080", ":"+port)
		words, redirect := shellWords(t, line)
		var cmd *exec.Cmd
		switch {
		case len(words) >= 3 && words[0] == "go" && words[1] == "run" && strings.HasPrefix(words[2], "./examples/"):
			cmd = exec.CommandContext(ctx, filepath.Join(bin, strings.TrimPrefix(words[2], "./examples/")), words[3:]...)
		case words[0] == "curl":
			if _, err := exec.LookPath("curl"); err != nil {
				t.Fatalf("%s: curl is not installed; CI needs it to run the README's example", line)
			}
			cmd = exec.CommandContext(ctx, "curl", words[1:]...)
		default:
			t.Fatalf("README command %q: the test does not know how to run it", line)
		}
		cmd.Dir = work
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if redirect != "" {
			f, err := os.Create(filepath.Join(work, redirect))
			require.NoError(t, err)
			defer f.Close()
			cmd.Stdout = f
		}
		if spec.background {
			require.NoError(t, cmd.Start(), line)
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			t.Cleanup(func() {
				_ = cmd.Process.Signal(os.Interrupt)
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					_ = cmd.Process.Kill()
					<-done
				}
			})
			waitHealthy(t, "http://127.0.0.1:"+port+"/healthz", done, &stderr)
			continue
		}
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else {
			require.NoError(t, err, line)
		}
		require.Contains(t, spec.codes, code, "%s: exit status %d\nstderr: %s", line, code, stderr.String())
		for _, want := range spec.stdout {
			require.Contains(t, stdout.String(), want, line)
		}
		for _, f := range spec.files {
			fi, err := os.Stat(filepath.Join(work, f))
			require.NoError(t, err, line)
			require.NotZero(t, fi.Size(), "%s: %s is empty", line, f)
		}
	}
}

// TestHelpExitsZero: every program prints its usage for -h and exits 0.
func TestHelpExitsZero(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example; run without -short")
	}
	bin, names := buildExamples(t)
	for _, name := range names {
		for _, arg := range []string{"-h", "-help", "--help"} {
			cmd := exec.Command(filepath.Join(bin, name), arg)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			require.NoError(t, err, "%s %s: %s", name, arg, out.String())
			require.Contains(t, strings.ToLower(out.String()), "usage", "%s %s prints its usage", name, arg)
		}
		cmd := exec.Command(filepath.Join(bin, name), "-no-such-flag")
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		var exit *exec.ExitError
		require.ErrorAs(t, cmd.Run(), &exit, "%s -no-such-flag fails", name)
		require.Equal(t, 2, exit.ExitCode(), "%s -no-such-flag", name)
	}
}

// shellWords splits a README command the way sh would for the quoting the
// README uses (single quotes, a trailing "> file").
func shellWords(t *testing.T, line string) (words []string, redirect string) {
	t.Helper()
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range line {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case r == '"' || r == '\\' || r == '$' || r == '|' || r == '&' || r == ';' || r == '<' || r == '`':
			t.Fatalf("README command %q: the test's shell splitter does not handle %q", line, r)
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	require.False(t, quoted, "unclosed quote in %q", line)
	if inWord {
		words = append(words, cur.String())
	}
	if i := slices.Index(words, ">"); i >= 0 {
		require.Equal(t, len(words)-2, i, "%q: > must be followed by one file name, at the end", line)
		redirect, words = words[i+1], words[:i]
	}
	require.NotEmpty(t, words, line)
	return words, redirect
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	require.NoError(t, err)
	return port
}

// waitHealthy polls url until it answers 200, the process ends, or 30 s pass.
// stderr is read only once the process has ended.
func waitHealthy(t *testing.T, url string, done <-chan struct{}, stderr fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			t.Fatalf("the server exited: %s", stderr)
		default:
		}
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the server did not answer %s within 30 s", url)
}
