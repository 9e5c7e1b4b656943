// Each test gets a fresh instance of its class, so fixtures held in fields (mocks and their call
// counts) are never shared between tests.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
