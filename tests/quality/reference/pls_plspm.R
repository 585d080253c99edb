# Usage: Rscript pls_plspm.R data/ecsi_mobi/mobi.csv, in a folder holding plspm's R/ files
# (github:gastonstat/plspm commit bd21cb1).
for (f in c("auxiliar","get_weights","get_path_scheme","get_paths","get_effects","get_rho","get_gof")) source(paste0(f,".r"))
# turner (gastonstat) helpers, not packaged: block index per indicator, indicator x block dummy
indexify <- function(x) rep(seq_along(x), sapply(x, function(e) if (length(e) == 1 && is.numeric(e)) e else length(e)))
list_to_dummy <- function(x) { i <- indexify(x); m <- matrix(0, length(i), length(x)); m[cbind(seq_along(i), i)] <- 1; m }
args <- commandArgs(TRUE)
mobi <- read.csv(args[1])
lv <- c("IMAG","EXPE","QUAL","VAL","SAT","COMP","LOY")
blocks <- list(c("IMAG1","IMAG2","IMAG3","IMAG4","IMAG5"), c("CUEX1","CUEX2","CUEX3"),
  paste0("PERQ",1:7), c("PERV1","PERV2"), c("CUSA1","CUSA2","CUSA3"), "CUSCO", c("CUSL1","CUSL2","CUSL3"))
P <- matrix(0,7,7,dimnames=list(lv,lv))
paths <- rbind(c("IMAG","EXPE"),c("IMAG","SAT"),c("IMAG","LOY"),c("EXPE","QUAL"),c("EXPE","VAL"),c("EXPE","SAT"),
  c("QUAL","VAL"),c("QUAL","SAT"),c("VAL","SAT"),c("SAT","COMP"),c("SAT","LOY"),c("COMP","LOY"))
for (i in 1:nrow(paths)) P[paths[i,2], paths[i,1]] <- 1
MV <- as.matrix(mobi[, unlist(blocks)])
n <- nrow(MV)
X <- scale(MV) * sqrt(n/(n-1))  # plspm's scaling (sd with 1/n)
for (scheme in c("path","centroid","factorial")) {
  specs <- list(scheme=scheme, modes=rep("A",7), tol=1e-12, maxiter=1000)
  bl <- lapply(blocks, length)
  W <- get_weights(X, P, bl, specs)
  Y <- X %*% W$W
  Y <- scale(Y)
  pth <- get_paths(P, Y)
  cat("scheme", scheme, "iterations", W$iter, "\n")
  cat("paths:\n"); for (i in 1:nrow(paths)) cat(sprintf("%s -> %s %.10f\n", paths[i,1], paths[i,2], pth[[2]][paths[i,2], paths[i,1]]))
  cat("R2:", sprintf("%.10f", pth[[3]]), "\n")
  cat("weights:", sprintf("%.10f", W$w), "\n")
  ld <- sapply(seq_along(unlist(blocks)), function(k) cor(MV[,k], Y[, rep(1:7, sapply(blocks,length))[k]]))
  cat("loadings:", sprintf("%.10f", ld), "\n")
}
specs <- list(scheme="path", modes=rep("A",7), tol=1e-12, maxiter=1000)
bl <- lapply(blocks, length)
W <- get_weights(X, P, bl, specs); Y <- scale(X %*% W$W); pth <- get_paths(P, Y)
ld <- sapply(seq_along(unlist(blocks)), function(k) cor(MV[,k], Y[, rep(1:7, sapply(blocks,length))[k]]))
cat("rho (DG):", sprintf("%.10f", sapply(1:7, function(j) get_rho(MV[, blocks[[j]], drop=FALSE], Y[,j]))), "\n")
cat("gof:", sprintf("%.10f", get_gof(ld^2, pth[[3]], bl, P)), "\n")
eff <- get_effects(pth[[2]]); print(eff, digits=10)
