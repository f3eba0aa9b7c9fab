package server

import (
	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/compiler/diag"
)

// MocksLoaded reports a load of the mock file (api.MockFileName). Its errors show over the
// simulator beside the build's until the file is good again; the app keeps running, with
// the last good mocks, and nothing relaunches: the next call answers from the new file.
func (s *Server) MocksLoaded(errs diag.List) {
	s.mu.Lock()
	s.mockErrors = errs
	ok, buildErrs := s.build != nil, s.errors
	s.mu.Unlock()
	s.reportBuild(ok, false, []string{api.MockFileName}, buildErrs, errs)
}
