# The C API reference: `cmake --build --preset release --target docs` runs Debian's doxygen
# over crmkit.h and capi/crmkit/*.h into <build>/docs/html. The ctest "docs: C API reference"
# (tests/exports/check_docs.py) builds it too and fails on any undocumented C function or
# malformed comment, so a function added without documentation is caught.
find_program(CRMKIT_DOXYGEN doxygen)
set(CRMKIT_DOCS_DIR "${PROJECT_BINARY_DIR}/docs")
set(CRMKIT_DOCS_WARN_AS_ERROR NO)  # the `docs` target reports; the test decides what fails
configure_file("${PROJECT_SOURCE_DIR}/capi/doc/Doxyfile.in" "${PROJECT_BINARY_DIR}/Doxyfile" @ONLY)

if(CRMKIT_DOXYGEN)
  add_custom_target(docs
    COMMAND "${CRMKIT_DOXYGEN}" "${PROJECT_BINARY_DIR}/Doxyfile"
    COMMAND "${CMAKE_COMMAND}" -E echo "C API reference: ${CRMKIT_DOCS_DIR}/html/index.html"
    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}"
    COMMENT "Doxygen: the C API reference"
    VERBATIM)
else()
  add_custom_target(docs
    COMMAND "${CMAKE_COMMAND}" -E echo "doxygen not found: install Debian's doxygen"
    COMMAND "${CMAKE_COMMAND}" -E false)
endif()

if(CRMKIT_BUILD_TESTS)
  # Fails, naming it, when doxygen is missing: the check is never skipped.
  add_test(NAME "docs: C API reference"
    COMMAND "${CRMKIT_PYTHON}" "${PROJECT_SOURCE_DIR}/tests/exports/check_docs.py"
            --doxygen "${CRMKIT_DOXYGEN}" --doxyfile "${PROJECT_BINARY_DIR}/Doxyfile"
            --out "${CRMKIT_DOCS_DIR}" --cc "${CMAKE_C_COMPILER}")
endif()
