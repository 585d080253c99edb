# Usage: Rscript pls_plspm_acsi_modeb.R data/ecsi_mobi/mobi.csv, in a folder holding plspm's R/ files
# (github:gastonstat/plspm commit bd21cb1). plspm reference for ACSI (ECSI without Image) and for ECSI with Image in mode B.
for (f in c("auxiliar","get_weights","get_path_scheme","get_paths")) source(paste0(f,".r"))
indexify <- function(x) rep(seq_along(x), sapply(x, function(e) if (length(e) == 1 && is.numeric(e)) e else length(e)))
list_to_dummy <- function(x) { i <- indexify(x); m <- matrix(0, length(i), length(x)); m[cbind(seq_along(i), i)] <- 1; m }
mobi <- read.csv(commandArgs(TRUE)[1])
fit <- function(lv, blocks, paths, modes) {
  L <- length(lv); P <- matrix(0, L, L, dimnames=list(lv, lv))
  for (i in 1:nrow(paths)) P[paths[i,2], paths[i,1]] <- 1
  MV <- as.matrix(mobi[, unlist(blocks)]); n <- nrow(MV)
  X <- scale(MV) * sqrt(n/(n-1))
  W <- get_weights(X, P, lapply(blocks, length), list(scheme="path", modes=modes, tol=1e-12, maxiter=1000))
  Y <- scale(X %*% W$W); pth <- get_paths(P, Y)
  for (i in 1:nrow(paths)) cat(sprintf("%s -> %s %.10f\n", paths[i,1], paths[i,2], pth[[2]][paths[i,2], paths[i,1]]))
  cat("weights:", sprintf("%.10f", W$w), "\n")
}
core <- list(c("CUEX1","CUEX2","CUEX3"), paste0("PERQ",1:7), c("PERV1","PERV2"), c("CUSA1","CUSA2","CUSA3"), "CUSCO", c("CUSL1","CUSL2","CUSL3"))
cp <- rbind(c("EXPE","QUAL"),c("EXPE","VAL"),c("EXPE","SAT"),c("QUAL","VAL"),c("QUAL","SAT"),c("VAL","SAT"),c("SAT","COMP"),c("SAT","LOY"),c("COMP","LOY"))
cat("== ACSI\n"); fit(c("EXPE","QUAL","VAL","SAT","COMP","LOY"), core, cp, rep("A", 6))
cat("== ECSI, Image mode B\n")
fit(c("IMAG","EXPE","QUAL","VAL","SAT","COMP","LOY"), c(list(paste0("IMAG",1:5)), core),
    rbind(c("IMAG","EXPE"),c("IMAG","SAT"),c("IMAG","LOY"), cp), c("B", rep("A", 6)))
